#ifndef ECOMAP_CGRAPHVIZ_SHIM_H
#define ECOMAP_CGRAPHVIZ_SHIM_H
// The only C surface ecomap uses. Graphviz 2.42 takes `char *` where it only
// reads (cgraph copies every string), and its `Agdirected`/`Agundirected`
// globals are mutable C variables that Swift 6 strict concurrency rejects, so
// small inline wrappers take `const char *` and hide the globals.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

static inline Agraph_t *ecomap_agopen(const char *name, int directed) {
    return agopen((char *)name, directed ? Agdirected : Agundirected, NULL);
}
#endif
