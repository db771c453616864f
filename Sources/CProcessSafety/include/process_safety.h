#ifndef ECOMAP_PROCESS_SAFETY_H
#define ECOMAP_PROCESS_SAFETY_H

#include <sys/types.h>

/// Installs handlers for SIGTERM, SIGINT and SIGHUP that remove the registered temporary file, kill the
/// registered layout child, then end the process with the same signal (async-signal-safe). Idempotent.
void ecomap_install_signal_cleanup(void);

/// Like mkstemp, with the created name registered for removal by the signal handlers; signals are
/// blocked while the file is created and registered, so no signal can leave it behind.
int ecomap_mkstemp_registered(char *template_path);

/// Renames the registered temporary file over `destination` (or links it there without replacing when
/// `replace` is 0) and forgets it, with signals blocked. Returns 0 or -1 with errno set.
int ecomap_commit_registered(const char *temporary, const char *destination, int replace);

/// Removes the registered temporary file (if any) and forgets it.
void ecomap_discard_registered(void);

/// The pid of the layout child, killed (SIGKILL) when a handled signal ends the process; 0 for none.
void ecomap_register_child(pid_t pid);

/// In a freshly forked child: ask the kernel to SIGKILL this process when its parent dies, close the
/// race with a parent that already died, and bound its CPU time (`cpu_seconds` > 0; the kernel sends
/// SIGKILL at the hard limit).
void ecomap_child_guard(pid_t parent, long cpu_seconds);

/// SIGPIPE ignored, so that a write to a closed pipe fails with EPIPE instead of killing the process.
void ecomap_ignore_sigpipe(void);

/// Removes the registered temporary file and kills the registered layout child (before an early exit).
void ecomap_emergency_cleanup(void);

/// Makes sure descriptors 0, 1 and 2 are open: a closed one gets /dev/null opened read-only in its
/// place, so that no file ecomap opens later lands on it and every write to it fails (EBADF), which
/// the output funnel reports. Returns a bit mask of the descriptors that were closed.
int ecomap_reserve_standard_descriptors(void);

#endif
