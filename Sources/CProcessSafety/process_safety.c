#define _GNU_SOURCE
#include "process_safety.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define PATH_CAPACITY 8192

static char temporary_path[PATH_CAPACITY];
static volatile sig_atomic_t temporary_registered = 0;
static volatile sig_atomic_t child_pid = 0;
static int handlers_installed = 0;

static void cleanup_and_reraise(int signo) {
    int saved = errno;
    if (temporary_registered) {
        unlink(temporary_path);
        temporary_registered = 0;
    }
    if (child_pid > 0) kill((pid_t)child_pid, SIGKILL);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(signo, &dfl, NULL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signo);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(signo);
    errno = saved;
}

static const int handled[] = {SIGTERM, SIGINT, SIGHUP};

void ecomap_install_signal_cleanup(void) {
    if (handlers_installed) return;
    handlers_installed = 1;
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        struct sigaction current;
        if (sigaction(handled[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cleanup_and_reraise;
        sigfillset(&action.sa_mask);
        sigaction(handled[i], &action, NULL);
    }
}

static void block_handled(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) sigaddset(&set, handled[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

int ecomap_mkstemp_registered(char *template_path) {
    if (strlen(template_path) >= PATH_CAPACITY) { errno = ENAMETOOLONG; return -1; }
    sigset_t old;
    block_handled(&old);
    int fd = mkstemp(template_path);
    if (fd >= 0) {
        memcpy(temporary_path, template_path, strlen(template_path) + 1);
        temporary_registered = 1;
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return fd;
}

int ecomap_commit_registered(const char *temporary, const char *destination, int replace) {
    sigset_t old;
    block_handled(&old);
    int result;
    if (replace) {
        result = rename(temporary, destination);
    } else {
        result = link(temporary, destination);
        if (result == 0) unlink(temporary);
    }
    int saved = errno;
    if (result == 0) temporary_registered = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return result;
}

void ecomap_discard_registered(void) {
    sigset_t old;
    block_handled(&old);
    if (temporary_registered) {
        unlink(temporary_path);
        temporary_registered = 0;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

void ecomap_register_child(pid_t pid) { child_pid = pid; }

void ecomap_child_guard(pid_t parent, long cpu_seconds) {
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    // The parent may have died before prctl took effect: then this process was re-parented already.
    if (getppid() != parent) _exit(137);
    if (cpu_seconds > 0) {
        struct rlimit limit;
        limit.rlim_cur = (rlim_t)cpu_seconds;
        limit.rlim_max = (rlim_t)cpu_seconds + 1;
        setrlimit(RLIMIT_CPU, &limit);
    }
    // The child handles no signals of its own and holds no temporary file.
    temporary_registered = 0;
    child_pid = 0;
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) signal(handled[i], SIG_DFL);
}

void ecomap_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

void ecomap_emergency_cleanup(void) {
    ecomap_discard_registered();
    if (child_pid > 0) kill((pid_t)child_pid, SIGKILL);
}

int ecomap_reserve_standard_descriptors(void) {
    int closed = 0;
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        closed |= 1 << fd;
        int opened = open("/dev/null", O_RDONLY);
        if (opened >= 0 && opened != fd) {
            dup2(opened, fd);
            close(opened);
        }
    }
    return closed;
}
