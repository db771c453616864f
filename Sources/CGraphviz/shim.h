#ifndef ECOMAP_CGRAPHVIZ_SHIM_H
#define ECOMAP_CGRAPHVIZ_SHIM_H
// The only C surface ecomap uses. Graphviz 2.42 takes `char *` where it only
// reads (cgraph copies every string), and its `Agdirected`/`Agundirected`
// globals are mutable C variables that Swift 6 strict concurrency rejects, so
// small inline wrappers take `const char *` and hide the globals. Layout
// results are read through the ND_/GD_ macros, which Swift cannot import.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

static inline Agraph_t *ecomap_agopen(const char *name, int directed) {
    return agopen((char *)name, directed ? Agdirected : Agundirected, NULL);
}

static inline Agnode_t *ecomap_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

static inline Agedge_t *ecomap_agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h) {
    return agedge(g, t, h, NULL, 1);
}

static inline Agraph_t *ecomap_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}

static inline Agnode_t *ecomap_agsubnode(Agraph_t *g, Agnode_t *n) {
    return agsubnode(g, n, 1);
}

static inline int ecomap_agsafeset(void *obj, const char *name, const char *value) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/// Declares a graph/node/edge attribute with its default (kind: AGRAPH, AGNODE, AGEDGE).
static inline void ecomap_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    agattr(g, kind, (char *)name, (char *)value);
}

static inline const char *ecomap_agnameof(void *obj) {
    return agnameof(obj);
}

static inline double ecomap_node_x(Agnode_t *n) { return ND_coord(n).x; }
static inline double ecomap_node_y(Agnode_t *n) { return ND_coord(n).y; }
/// Width and height in inches.
static inline double ecomap_node_width(Agnode_t *n) { return ND_width(n); }
static inline double ecomap_node_height(Agnode_t *n) { return ND_height(n); }

static inline double ecomap_graph_llx(Agraph_t *g) { return GD_bb(g).LL.x; }
static inline double ecomap_graph_lly(Agraph_t *g) { return GD_bb(g).LL.y; }
static inline double ecomap_graph_urx(Agraph_t *g) { return GD_bb(g).UR.x; }
static inline double ecomap_graph_ury(Agraph_t *g) { return GD_bb(g).UR.y; }

/// Routes every cgraph message (warnings and errors) to `sink` instead of stderr.
static inline void ecomap_capture_errors(agusererrf sink) {
    agseterr(AGWARN);
    agseterrf(sink);
}
#endif
