/*
 * cheeger.h — the flat C API of the Cheeger native core.
 *
 * Conventions (docs/architecture.md):
 *  - every function returns a cheeger_status; on failure cheeger_last_error() gives the detail for this thread;
 *  - sizes are int64_t, input arrays are const and caller-owned, output arrays are caller-allocated;
 *  - points are n x d doubles, row-major; labels are int32_t per point;
 *  - stateful work happens on an opaque cheeger_context, created and destroyed in pairs;
 *  - parameter structs are filled with defaults by their *_default call before the caller edits them.
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
#define CHEEGER_VERSION_MINOR 1
#define CHEEGER_VERSION_PATCH 0

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

/* Opaque context: a backend, a thread count, and buffers reused across calls. */
typedef struct cheeger_context_t* cheeger_context;

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

#ifdef __cplusplus
}
#endif

#endif /* CHEEGER_H */
