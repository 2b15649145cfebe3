/* The C API used from C99: the header compiles as C with strict warnings, and a small k-means runs through
 * it. Exit code 0 on success; each failure prints one line and exits 1. */
#include <stdio.h>
#include <string.h>

#include "cheeger.h"

static int failures = 0;

static void check(int condition, const char* what) {
    if (!condition) {
        fprintf(stderr, "FAILED: %s (last error: %s)\n", what, cheeger_last_error());
        ++failures;
    }
}

int main(void) {
    static const double points[] = {0, 1, 2, 1, 3, 1, 10, 1, 11, 1};
    static const double initial[] = {0, 1, 2, 1};
    int32_t labels[5] = {0};
    double centroids[4] = {0};
    int32_t major = -1, minor = -1, patch = -1;
    cheeger_capabilities caps;
    cheeger_kmeans_params params;
    cheeger_kmeans_info info;
    cheeger_context context = NULL;
    int64_t size = 0;

    check(cheeger_version_get(&major, &minor, &patch) == CHEEGER_STATUS_OK, "version");
    check(major == CHEEGER_VERSION_MAJOR && minor == CHEEGER_VERSION_MINOR && patch == CHEEGER_VERSION_PATCH,
          "version matches the header");
    check(cheeger_capabilities_get(&caps) == CHEEGER_STATUS_OK, "capabilities");
    check((caps.compiled_backends & CHEEGER_BACKEND_FLAG_CPU) != 0, "CPU compiled in");
    check(cheeger_struct_layout("cheeger_kmeans_params", NULL, &size) == CHEEGER_STATUS_OK, "layout call");
    check(size == (int64_t)sizeof(cheeger_kmeans_params), "params size as C sees it");
    check(cheeger_struct_layout("cheeger_capabilities", "cuda_device_name", &size) == CHEEGER_STATUS_OK &&
              size == 32,
          "device name offset");

    check(cheeger_context_create(CHEEGER_BACKEND_CPU, 2, &context) == CHEEGER_STATUS_OK, "context");
    check(cheeger_live_context_count() == 1, "one live context");
    check(cheeger_kmeans_params_default(&params) == CHEEGER_STATUS_OK, "params default");
    params.k = 2;
    check(cheeger_kmeans_run(context, points, 5, 2, &params, initial, labels, centroids, &info) ==
              CHEEGER_STATUS_OK,
          "kmeans run");
    check(labels[0] == 0 && labels[1] == 0 && labels[2] == 0 && labels[3] == 1 && labels[4] == 1, "labels");
    check(centroids[0] == 5.0 / 3.0 && centroids[1] == 1.0 && centroids[2] == 10.5 && centroids[3] == 1.0,
          "centroids");
    check(info.iterations == 3 && info.last_changes == 0 && info.backend == CHEEGER_BACKEND_CPU, "info");

    params.k = 6;
    check(cheeger_kmeans_run(context, points, 5, 2, &params, NULL, labels, centroids, NULL) ==
              CHEEGER_STATUS_INVALID_ARGUMENT,
          "k > n rejected");
    check(strstr(cheeger_last_error(), "params->k = 6 exceeds the number of points n = 5") != NULL,
          "k > n message");

    /* C may pass any int as an enum: unknown values are rejected, not trusted. */
    {
        cheeger_context never = NULL;
        check(cheeger_context_create((cheeger_backend)7, 1, &never) == CHEEGER_STATUS_INVALID_ARGUMENT &&
                  never == NULL,
              "backend 7 rejected");
        check(strstr(cheeger_last_error(), "backend = 7 is not a cheeger_backend value") != NULL, "backend 7 message");
        check(cheeger_context_create((cheeger_backend)-1, 1, &never) == CHEEGER_STATUS_INVALID_ARGUMENT,
              "backend -1 rejected");
        check(strstr(cheeger_last_error(), "backend = -1 is not a cheeger_backend value") != NULL,
              "backend -1 message");
    }

    check(cheeger_context_destroy(context) == CHEEGER_STATUS_OK, "destroy");
    check(cheeger_live_context_count() == 0, "no live context");

    if (failures == 0) printf("c_api_smoke: all checks passed\n");
    return failures == 0 ? 0 : 1;
}
