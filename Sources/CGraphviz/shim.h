#ifndef ECOMAP_CGRAPHVIZ_SHIM_H
#define ECOMAP_CGRAPHVIZ_SHIM_H
// The only C surface ecomap uses. Graphviz 2.42 takes `char *` where it only
// reads (cgraph copies every string), and its `Agdirected`/`Agundirected`
// globals are mutable C variables that Swift 6 strict concurrency rejects, so
// small inline wrappers take `const char *` and hide the globals. Layout
// results are read through the ND_/GD_ macros, which Swift cannot import.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

// Deterministic object ids. cgraph's default id discipline uses the address of each
// interned name as the object's id and keeps subgraphs ordered by id, so cluster order
// (and with it dot/fdp layouts and agwrite output) depended on malloc addresses. This
// discipline numbers names in creation order instead: named objects get even ids
// 2, 4, 6, ..., anonymous ones odd ids, as cgraph expects. Names are interned with
// agstrdup (so aghtmlstr and agstrclose work on them) and found through a hash index.
// `ecomap_install_deterministic_ids` makes it cgraph's default, so the graphs layout
// engines create internally (fdp's derived graphs, component subgraphs) use it too.
typedef struct {
    Agraph_t *graph;
    char **names;          // id / 2 - 1 -> interned name
    size_t count, capacity;
    size_t *slots;         // hash index: 0 = empty, else position + 1
    size_t slotCount;      // power of two, at least twice count
    IDTYPE anonymous;
} ecomap_idmap;

static size_t ecomap_hash(const char *s) {
    size_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void *ecomap_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    ecomap_idmap *map = calloc(1, sizeof *map);
    if (!map) return NULL;
    map->graph = g;
    map->anonymous = 1;
    return map;
}

static int ecomap_id_grow(ecomap_idmap *map) {
    size_t slotCount = map->slotCount ? 2 * map->slotCount : 256;
    size_t *slots = calloc(slotCount, sizeof *slots);
    char **names = realloc(map->names, (slotCount / 2) * sizeof *names);
    if (!slots || !names) {
        free(slots);
        if (names) map->names = names;
        return 0;
    }
    for (size_t i = 0; i < map->count; i++) {
        size_t h = ecomap_hash(names[i]) & (slotCount - 1);
        while (slots[h]) h = (h + 1) & (slotCount - 1);
        slots[h] = i + 1;
    }
    free(map->slots);
    map->slots = slots;
    map->slotCount = slotCount;
    map->names = names;
    map->capacity = slotCount / 2;
    return 1;
}

static long ecomap_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    ecomap_idmap *map = state;
    if (str == NULL) {
        map->anonymous += 2;
        *id = map->anonymous;
        return 1;
    }
    if (map->slotCount) {
        size_t h = ecomap_hash(str) & (map->slotCount - 1);
        while (map->slots[h]) {
            size_t i = map->slots[h] - 1;
            if (strcmp(map->names[i], str) == 0) {
                *id = (IDTYPE)(2 * (i + 1));
                return 1;
            }
            h = (h + 1) & (map->slotCount - 1);
        }
    }
    if (!createflag) return 0;
    if (map->count == map->capacity && !ecomap_id_grow(map)) return 0;
    char *name = agstrdup(map->graph, str);
    if (!name) return 0;
    size_t h = ecomap_hash(str) & (map->slotCount - 1);
    while (map->slots[h]) h = (h + 1) & (map->slotCount - 1);
    map->names[map->count] = name;
    map->slots[h] = ++map->count;
    *id = (IDTYPE)(2 * map->count);
    return 1;
}

static long ecomap_id_alloc(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return 0; // objects are only created by name
}

static void ecomap_id_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id; // names live until the graph closes
}

static char *ecomap_id_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    ecomap_idmap *map = state;
    if (id % 2 != 0 || id == 0 || (size_t)(id / 2) > map->count) return NULL;
    return map->names[id / 2 - 1];
}

static void ecomap_id_close(void *state) {
    ecomap_idmap *map = state;
    // The names themselves are freed with the graph's string dictionary (agstrclose).
    free(map->names);
    free(map->slots);
    free(map);
}

static void ecomap_id_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

/// Makes the deterministic id discipline cgraph's default for every graph opened from now on.
static inline void ecomap_install_deterministic_ids(void) {
    AgIdDisc.open = ecomap_id_open;
    AgIdDisc.map = ecomap_id_map;
    AgIdDisc.alloc = ecomap_id_alloc;
    AgIdDisc.free = ecomap_id_free;
    AgIdDisc.print = ecomap_id_print;
    AgIdDisc.close = ecomap_id_close;
    AgIdDisc.idregister = ecomap_id_register;
}

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

// Geometry after gvLayout, read into ecomap's scene (Graphviz coordinates: points, y up).
static inline textlabel_t *ecomap_node_label(Agnode_t *n) { return ND_label(n); }
static inline textlabel_t *ecomap_node_xlabel(Agnode_t *n) { return ND_xlabel(n); }
static inline textlabel_t *ecomap_graph_label(Agraph_t *g) { return GD_label(g); }
/// The node's outline as laid out: `sides` vertices per periphery, relative to the centre, in points.
static inline polygon_t *ecomap_node_polygon(Agnode_t *n) { return (polygon_t *)ND_shape_info(n); }
/// Left + right width and height of the node as laid out, in points.
static inline double ecomap_node_lw_rw(Agnode_t *n) { return ND_lw(n) + ND_rw(n); }
static inline double ecomap_node_ht(Agnode_t *n) { return ND_ht(n); }
static inline splines *ecomap_edge_splines(Agedge_t *e) { return ED_spl(e); }
static inline Agnode_t *ecomap_edge_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *ecomap_edge_head(Agedge_t *e) { return aghead(e); }
/// The label's lines (spans); read in C because Swift cannot see into the label's union.
static inline int ecomap_label_span_count(textlabel_t *l) { return l && !l->html ? l->u.txt.nspans : 0; }
static inline textspan_t *ecomap_label_span(textlabel_t *l, int i) { return &l->u.txt.span[i]; }

/// The graph as DOT text (agwrite into a memory stream), before any layout. Free with free().
static inline char *ecomap_agwrite_memory(Agraph_t *g, size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (!stream) return NULL;
    int status = agwrite(g, stream);
    fclose(stream);
    if (status != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}

/// Routes every cgraph message (warnings and errors) to `sink` instead of stderr.
static inline void ecomap_capture_errors(agusererrf sink) {
    agseterr(AGWARN);
    agseterrf(sink);
}
#endif
