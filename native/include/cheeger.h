/*
 * cheeger.h — the flat C API of the Cheeger native core.
 *
 * Conventions (docs/architecture.md):
 *  - every function returns a cheeger_status; on failure cheeger_last_error() gives the detail for this thread;
 *  - sizes are int64_t, input arrays are const and caller-owned, output arrays are caller-allocated;
 *  - points are n x d doubles, row-major; labels are int32_t per point;
 *  - stateful work happens on an opaque cheeger_context, created and destroyed in pairs;
 *  - parameter structs are filled with defaults by their *_default call before the caller edits them; each starts
 *    with its struct_size, which that call sets: the library reads an older, smaller struct only as far as it goes
 *    (the fields beyond take their defaults) and refuses a larger one it does not know.
 * This header is the one source of truth for the generated C# bindings (bindings/).
 */
#ifndef CHEEGER_H
#define CHEEGER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(CHEEGER_BUILDING)
#    define CHEEGER_API __declspec(dllexport)
#  else
#    define CHEEGER_API __declspec(dllimport)
#  endif
#else
#  define CHEEGER_API __attribute__((visibility("default")))
#endif

/* Version of this header; the library reports its own through cheeger_version_get. */
#define CHEEGER_VERSION_MAJOR 0
#define CHEEGER_VERSION_MINOR 5
#define CHEEGER_VERSION_PATCH 0

/* Rows per chunk of the parallel k-means backends: each chunk sums its own deltas, merged in chunk order, so the
 * chunk size is part of the result (every worker count gives the same bits); a multiple of every SIMD lane count. */
#define CHEEGER_KMEANS_CHUNK_ROWS 4096

/* Defaults of cheeger_kmeans_params_default (and of the managed KMeansOptions). */
#define CHEEGER_KMEANS_DEFAULT_K 8
#define CHEEGER_KMEANS_DEFAULT_MAX_ITERATIONS 300

/* Defaults of cheeger_iso_params_default (and of the managed IsoperimetricOptions; docs/isoperimetric.md). */
#define CHEEGER_ISO_DEFAULT_K 2
#define CHEEGER_ISO_DEFAULT_MAX_SEARCH_STEPS 200
#define CHEEGER_ISO_DEFAULT_SIGMA_SCALE 2.0
#define CHEEGER_ISO_DEFAULT_SEARCH_TOLERANCE 1e-12

/* Outcome of every call. */
typedef enum cheeger_status {
    CHEEGER_STATUS_OK = 0,
    CHEEGER_STATUS_INVALID_ARGUMENT = 1, /* a null pointer, a size or parameter out of range, non-finite data */
    CHEEGER_STATUS_OUT_OF_MEMORY = 2,    /* host or device allocation failed */
    CHEEGER_STATUS_UNSUPPORTED = 3,      /* the backend was not compiled in, or no device is present */
    CHEEGER_STATUS_DEVICE_ERROR = 4,     /* a CUDA call failed mid-run; the message names it */
    CHEEGER_STATUS_INTERNAL_ERROR = 5    /* a bug: please report the message */
} cheeger_status;

/* Where a context runs its work. */
typedef enum cheeger_backend {
    CHEEGER_BACKEND_AUTO = 0, /* CUDA when compiled in and a device is present, else CPU */
    CHEEGER_BACKEND_CPU = 1,
    CHEEGER_BACKEND_CUDA = 2
} cheeger_backend;

/* Bits of cheeger_capabilities.compiled_backends. */
typedef enum cheeger_backend_flag {
    CHEEGER_BACKEND_FLAG_CPU = 1,
    CHEEGER_BACKEND_FLAG_CUDA = 2
} cheeger_backend_flag;

/* What the library was built with and what this machine has. */
typedef struct cheeger_capabilities {
    uint32_t compiled_backends;     /* cheeger_backend_flag bits */
    int32_t hardware_threads;       /* std::thread::hardware_concurrency() */
    int32_t cuda_device_count;      /* 0 when CUDA is not compiled in or no device/driver is present */
    int32_t cuda_compute_major;     /* of device 0 */
    int32_t cuda_compute_minor;
    int32_t reserved;
    int64_t cuda_total_memory;      /* bytes, device 0 */
    char cuda_device_name[256];     /* device 0, NUL-terminated; empty when none */
} cheeger_capabilities;

/* Initial centroids rule of k-means. */
typedef enum cheeger_kmeans_init {
    CHEEGER_KMEANS_INIT_RANDOM = 0 /* k distinct rows, SplitMix64 + partial Fisher-Yates (same as the managed side) */
} cheeger_kmeans_init;

/* Floating-point precision of a GPU path; the CPU always computes in double. */
typedef enum cheeger_precision {
    CHEEGER_PRECISION_DOUBLE = 0,
    CHEEGER_PRECISION_SINGLE = 1
} cheeger_precision;

/* K-means parameters; fill with cheeger_kmeans_params_default first. */
typedef struct cheeger_kmeans_params {
    int64_t struct_size;    /* sizeof(cheeger_kmeans_params) as the caller was built; set by the _default call */
    int32_t k;              /* clusters, 1 <= k <= n (default 8) */
    int32_t max_iterations; /* passes, >= 1 (default 300) */
    uint64_t seed;          /* seed of the initial rows when no initial centroids are given (default 0) */
    double tolerance;       /* stop when no centroid moves more than this; 0 disables (default 0) */
    int32_t init;           /* cheeger_kmeans_init (default RANDOM) */
    int32_t precision;      /* cheeger_precision (default DOUBLE) */
} cheeger_kmeans_params;

/* What a k-means run reports beside labels and centroids. */
typedef struct cheeger_kmeans_info {
    int32_t iterations;       /* passes run */
    int32_t backend;          /* cheeger_backend that ran */
    int64_t last_changes;     /* points that changed cluster in the last pass */
    double inertia;           /* sum of squared distances to the centroids of the last assignment */
    double seconds_init;
    double seconds_assign;
    double seconds_update;
} cheeger_kmeans_info;

/* Flow kernel of isoperimetric clustering (docs/isoperimetric.md §2.3), on a tree edge of length d. */
typedef enum cheeger_iso_kernel {
    CHEEGER_ISO_KERNEL_LAPLACE = 0, /* exp(-d/sigma), the default */
    CHEEGER_ISO_KERNEL_GAUSS = 1,   /* exp(-d^2/sigma^2) */
    CHEEGER_ISO_KERNEL_INVERSE = 2  /* sigma/(sigma + d) */
} cheeger_iso_kernel;

/* Vertex weight of isoperimetric clustering (§2.4). */
typedef enum cheeger_iso_weight {
    CHEEGER_ISO_WEIGHT_TREE = 0,  /* weighted degree in the spanning tree, the default */
    CHEEGER_ISO_WEIGHT_UNIT = 1,  /* 1 for every vertex */
    CHEEGER_ISO_WEIGHT_GRAPH = 2  /* weighted degree in the complete graph (O(n^2 d)) */
} cheeger_iso_weight;

/* How the minimum spanning tree is built (§2.2, §6.1). Every choice gives the same tree, order included (the
 * edge order makes the tree unique; Boruvka recovers Prim's insertion order from the tree): only the time differs. */
typedef enum cheeger_iso_spanning_tree {
    CHEEGER_ISO_SPANNING_TREE_AUTO = 0,    /* the backend's choice by size: on the CPU, KDTREE from
                                              CHEEGER_ISO_KDTREE_MIN_POINTS_D2 ... _D10 points for d <= 2 ... 10
                                              (or the data's intrinsic dimension where that is at most d / 2),
                                              else Prim; on CUDA, Prim below CHEEGER_ISO_BORUVKA_MIN_POINTS points,
                                              Boruvka from there on */
    CHEEGER_ISO_SPANNING_TREE_PRIM = 1,    /* Prim from vertex 0: n - 1 steps of one min-reduction each */
    CHEEGER_ISO_SPANNING_TREE_BORUVKA = 2, /* Boruvka: O(log n) rounds of a least outgoing edge per component */
    CHEEGER_ISO_SPANNING_TREE_KDTREE = 3   /* Boruvka whose least outgoing edges come from pruned kd-tree searches:
                                              about O(n log n) work for small d (the CPU's fast exact tree); a CUDA
                                              context has no kd-tree and runs its Boruvka instead */
} cheeger_iso_spanning_tree;

/* The stages of an isoperimetric run, in the order they run, as a progress callback receives them
 * (cheeger_context_set_progress); the seconds_* fields of cheeger_iso_info time the same stages. */
typedef enum cheeger_iso_stage {
    CHEEGER_ISO_STAGE_STANDARDIZE = 0,   /* z-scores of the features (params->standardize = 1 only) */
    CHEEGER_ISO_STAGE_SPANNING_TREE = 1, /* the minimum spanning tree */
    CHEEGER_ISO_STAGE_WEIGHTS = 2,       /* sigma, flows, vertex weights, potentials */
    CHEEGER_ISO_STAGE_SEARCH = 3,        /* the epsilon search and the choice of the k sets */
    CHEEGER_ISO_STAGE_LABELS = 4         /* the labels and the full labelling */
} cheeger_iso_stage;

/* Size from which CHEEGER_ISO_SPANNING_TREE_AUTO picks Boruvka on CUDA. */
#define CHEEGER_ISO_BORUVKA_MIN_POINTS 2048

/* Sizes from which CHEEGER_ISO_SPANNING_TREE_AUTO picks KDTREE on the CPU, by dimension: _D2 for d <= 2, _D4 for
 * d = 3, 4, and so on (the kd-tree's pruning weakens as d grows; above d = 10 it is Prim at every size).
 * docs/benchmarks.md has the measurements. */
#define CHEEGER_ISO_KDTREE_MIN_POINTS_D2 2000
#define CHEEGER_ISO_KDTREE_MIN_POINTS_D4 4000
#define CHEEGER_ISO_KDTREE_MIN_POINTS_D6 16000
#define CHEEGER_ISO_KDTREE_MIN_POINTS_D8 16000
#define CHEEGER_ISO_KDTREE_MIN_POINTS_D10 64000

/* Below the size its dimension d asks for, CHEEGER_ISO_SPANNING_TREE_AUTO still picks KDTREE on the CPU when the
 * data are of much lower intrinsic dimension than d (real data often are: the kd-tree prunes by the intrinsic one).
 * The estimate is Levina and Bickel's maximum likelihood from the _NEIGHBOURS nearest of _REFERENCES points to each
 * of _QUERIES points (both evenly strided through the rows); when it is at most d / 2 the sizes above are taken for
 * the dimension ceil(estimate). */
#define CHEEGER_ISO_DIMENSION_SAMPLE_QUERIES 64
#define CHEEGER_ISO_DIMENSION_SAMPLE_REFERENCES 1024
#define CHEEGER_ISO_DIMENSION_SAMPLE_NEIGHBOURS 10

/* Isoperimetric tree clustering parameters (the managed IsoperimetricOptions); fill with
 * cheeger_iso_params_default first. Worker threads are the context's. */
typedef struct cheeger_iso_params {
    int64_t struct_size;      /* sizeof(cheeger_iso_params) as the caller was built; set by the _default call */
    int32_t k;                /* clusters, 1 <= k <= n (default 2) */
    int32_t kernel;           /* cheeger_iso_kernel (default LAPLACE) */
    int32_t weight;           /* cheeger_iso_weight (default TREE) */
    int32_t max_search_steps; /* most halvings of the epsilon search, >= 1 (default 200) */
    double sigma;             /* sigma given directly (> 0, finite), or 0: sigma = sigma_scale x mean tree edge (default 0) */
    double sigma_scale;       /* s in sigma = s x mean tree edge, > 0 and finite (default 2) */
    double beta;              /* beta of the potential psi(v) = beta (1 - largest incident flow), >= 0 (default 0) */
    double search_tolerance;  /* relative bisection tolerance tau, in (0, 1) (default 1e-12) */
    int32_t standardize;      /* 1: z-score every feature before clustering; 0: raw features (default 0) */
    int32_t full_labels;      /* 1: also write the full labelling (outliers take their nearest clustered point's label) */
    int32_t spanning_tree;    /* cheeger_iso_spanning_tree (default AUTO); the same tree whatever the choice */
    int32_t reserved;         /* 0 (room for a future option; keeps the struct free of padding) */
} cheeger_iso_params;

/* One decision of the epsilon search: the threshold probed and the packing count F(epsilon) found there. */
typedef struct cheeger_iso_probe {
    double epsilon;
    int64_t count;
} cheeger_iso_probe;

/* What an isoperimetric run reports beside the labels. Stages a call does not run report 0. */
typedef struct cheeger_iso_info {
    double cost;                /* max cost of the k returned sets, within [iota_k, epsilon_high] */
    double epsilon_high;        /* last successful probe; the labels come from the decision there */
    double epsilon_low;         /* last failed probe (0 when none failed) */
    double sigma;               /* sigma of the flow kernel */
    int32_t decisions;          /* decisions the search ran (bracket, epsilon = 0, halvings) */
    int32_t search_steps;       /* halvings of the bisection */
    int32_t backend;            /* cheeger_backend that ran */
    int32_t max_depth;          /* depth of the deepest tree vertex */
    int64_t outliers;           /* points labelled -1 */
    double seconds_standardize;
    double seconds_mst;
    double seconds_weights;     /* sigma, flows, vertex weights, potentials */
    double seconds_search;      /* epsilon search and the choice of the k sets */
    double seconds_labels;      /* labels and the full labelling */
} cheeger_iso_info;

/* Where cheeger_iso_run writes its tree stages (n entries each); every pointer may be NULL (not written). */
typedef struct cheeger_iso_tree {
    int32_t* parent;              /* Prim's parent, -1 for the root (vertex 0) */
    int32_t* depth;               /* root 0 */
    int32_t* sibling_rank;        /* rank among the parent's children, in insertion order */
    int32_t* order;               /* Prim's insertion order */
    double* squared_edge_length;  /* d^2(v, par v) exactly as Prim compared it; 0 for the root */
    double* edge_length;          /* its square root */
    double* parent_flow;          /* phi(v, par v); 0 for the root */
    double* vertex_weight;        /* omega(v) */
    double* potential;            /* psi(v) */
} cheeger_iso_tree;

/* Opaque context: a backend, a thread count, and buffers reused across calls. */
typedef struct cheeger_context_t* cheeger_context;

/* Receives how far a call on a context has got (cheeger_context_set_progress): user_data as it was set; stage, a
 * cheeger_iso_stage for the isoperimetric calls; fraction, the part of that stage done, in [0, 1]. It is called on
 * the thread that made the call, never on a worker thread, a few dozen times a call (never per point). It must
 * return normally (no exception, no longjmp) and must not call the library with the same context. */
typedef void (*cheeger_progress_fn)(void* user_data, int32_t stage, double fraction);

/* The message of the last call on this thread when it failed, "" when it succeeded (or none was made).
 * Valid until the next call on this thread. Calls that return no status (this one, cheeger_live_context_count)
 * leave it as it is. */
CHEEGER_API const char* cheeger_last_error(void);

/* The library's version. */
CHEEGER_API cheeger_status cheeger_version_get(int32_t* major, int32_t* minor, int32_t* patch);

/* Backends compiled in and devices present. */
CHEEGER_API cheeger_status cheeger_capabilities_get(cheeger_capabilities* out);

/* Size and alignment-relevant layout of a public struct, for binding checks: name is the C type name
 * ("cheeger_kmeans_params", ...), field is a member name or NULL for the whole struct; *value receives
 * sizeof (field NULL) or offsetof. */
CHEEGER_API cheeger_status cheeger_struct_layout(const char* type_name, const char* field, int64_t* value);

/* Creates a context. threads = 0 uses every hardware thread. */
CHEEGER_API cheeger_status cheeger_context_create(cheeger_backend backend, int32_t threads, cheeger_context* out);

/* Destroys a context made by cheeger_context_create; NULL is allowed and does nothing. */
CHEEGER_API cheeger_status cheeger_context_destroy(cheeger_context context);

/* The backend a context runs on (AUTO resolved). */
CHEEGER_API cheeger_status cheeger_context_backend(cheeger_context context, cheeger_backend* out);

/* The number of CPU threads a context runs its host work on (threads = 0 at creation resolved). */
CHEEGER_API cheeger_status cheeger_context_threads(cheeger_context context, int32_t* out);

/* Sets the function the context's calls report their progress to, with user_data handed back to it unchanged;
 * progress = NULL clears it (the default: nothing is reported). cheeger_iso_run reports 0 as each stage starts
 * (STANDARDIZE only when it runs), each Boruvka round (1 - ln(components left) / ln n), on the CPU every 2 % of
 * Prim's vertices, each probe of the epsilon search (probes made / probes expected), and LABELS at 1 when it is
 * done; within a stage the fraction never decreases. cheeger_iso_mst reports the SPANNING_TREE steps alone,
 * cheeger_iso_partition WEIGHTS, SEARCH and LABELS; k-means reports nothing. Waits for a call running on the
 * context to finish. */
CHEEGER_API cheeger_status cheeger_context_set_progress(cheeger_context context, cheeger_progress_fn progress,
                                                        void* user_data);

/* Number of contexts created and not yet destroyed, process-wide (leak checks). */
CHEEGER_API int64_t cheeger_live_context_count(void);

/* Fills *out with the defaults. */
CHEEGER_API cheeger_status cheeger_kmeans_params_default(cheeger_kmeans_params* out);

/* The k initial rows that CHEEGER_KMEANS_INIT_RANDOM picks for (n, k, seed); rows_out holds k entries. */
CHEEGER_API cheeger_status cheeger_kmeans_sample_rows(int64_t n, int32_t k, uint64_t seed, int64_t* rows_out);

/* Lloyd's k-means with the study's stop rule (more than floor(n/100) changes: go on).
 * initial_centroids: k x d, or NULL to sample rows with params->seed.
 * labels_out: n entries; centroids_out: k x d; info_out may be NULL. On failure the outputs are unspecified.
 * A context runs one call at a time; concurrent calls on the same context wait for each other. */
CHEEGER_API cheeger_status cheeger_kmeans_run(cheeger_context context, const double* points, int64_t n, int64_t d,
                                              const cheeger_kmeans_params* params, const double* initial_centroids,
                                              int32_t* labels_out, double* centroids_out,
                                              cheeger_kmeans_info* info_out);

/* The change count of each pass of the last cheeger_kmeans_run on this context (the last one is
 * info_out->last_changes): *count_out receives the number of passes, and the first min(capacity, passes) counts
 * go to changes_out (which may be NULL when capacity is 0). 0 passes before any run and after a run that failed
 * once started; a call refused for its arguments leaves the previous run's counts. */
CHEEGER_API cheeger_status cheeger_kmeans_changes_per_pass(cheeger_context context, int64_t* changes_out,
                                                           int32_t capacity, int32_t* count_out);

/* Fills *out with the isoperimetric defaults (those of docs/isoperimetric.md). */
CHEEGER_API cheeger_status cheeger_iso_params_default(cheeger_iso_params* out);

/* Isoperimetric tree clustering (docs/isoperimetric.md), the whole pipeline: optional z-scoring, Prim's minimum
 * spanning tree from vertex 0 under the edge order (d2, min, max), sigma, flows, vertex weights and potentials,
 * the epsilon search over the decision procedure, the k cheapest sets, labels by exclusive scan.
 * points: n x d, finite. labels_out: n entries, clusters 0..k-1 numbered by top vertex, -1 for outliers.
 * full_labels_out: n entries, required when params->full_labels = 1, else ignored (may be NULL).
 * cluster_costs_out: k entries (cost of each cluster), or NULL. probes_out: the first min(probes_capacity,
 * info.decisions) decisions of the search in the order made, or NULL with probes_capacity 0.
 * tree_out: the tree stages (each pointer may be NULL), or NULL. info_out may be NULL.
 * Same input: same result on every thread count. On failure the outputs are unspecified. */
CHEEGER_API cheeger_status cheeger_iso_run(cheeger_context context, const double* points, int64_t n, int64_t d,
                                           const cheeger_iso_params* params, int32_t* labels_out,
                                           int32_t* full_labels_out, double* cluster_costs_out,
                                           cheeger_iso_probe* probes_out, int32_t probes_capacity,
                                           const cheeger_iso_tree* tree_out, cheeger_iso_info* info_out);

/* The minimum spanning tree stage alone, on the points as given (no z-scoring): Prim's tree from vertex 0 under the
 * strict edge order (d2, min, max), d2 summed in dimension order without FMA, built by spanning_tree (a
 * cheeger_iso_spanning_tree; every choice gives the same tree, order included). Every output holds n entries:
 * parent (-1 for the root), squared parent-edge length, its square root, depth, sibling rank, insertion order. */
CHEEGER_API cheeger_status cheeger_iso_mst(cheeger_context context, const double* points, int64_t n, int64_t d,
                                           int32_t spanning_tree, int32_t* parent_out, double* squared_edge_length_out,
                                           double* edge_length_out, int32_t* depth_out, int32_t* sibling_rank_out,
                                           int32_t* order_out);

/* The partition stage alone, on a given weighted tree of n vertices: the epsilon search over the decision
 * procedure, the k cheapest sets and the labels. parent: -1 for exactly one root; parent_flow > 0 (0 at the root),
 * vertex_weight > 0, potential >= 0, all finite. sibling_rank orders each vertex's children (NULL: by vertex
 * index); order lists parents before children starting at the root (NULL: breadth first). params: k,
 * search_tolerance and max_search_steps are used, the rest is ignored. labels_out: n entries; cluster_costs_out:
 * k entries or NULL; info_out (cost, epsilons, decisions, steps, max_depth, outliers, seconds) may be NULL. */
CHEEGER_API cheeger_status cheeger_iso_partition(cheeger_context context, int64_t n, const int32_t* parent,
                                                 const double* parent_flow, const double* vertex_weight,
                                                 const double* potential, const int32_t* sibling_rank,
                                                 const int32_t* order, const cheeger_iso_params* params,
                                                 int32_t* labels_out, double* cluster_costs_out,
                                                 cheeger_iso_info* info_out);

#ifdef __cplusplus
}
#endif

#endif /* CHEEGER_H */
