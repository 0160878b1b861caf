// The machine's own timer floor: how late a thread that does nothing else wakes up for absolute deadlines spaced
// `period_ns` apart. open_model_accuracy.py runs it beside loadgen, so a send lag can be read against what any
// generator on this machine could achieve in the same seconds (VM steal and scheduler latency show up here too).
// Usage: timer_floor SECONDS PERIOD_NS  ->  one JSON line {"count", "p50_ms", "p99_ms", "max_ms"}
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int compare(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: timer_floor SECONDS PERIOD_NS\n");
        return 2;
    }
    long period = atol(argv[2]);
    long count = (long)(atof(argv[1]) * 1e9 / (double)period);
    if (period <= 0 || count <= 0) {
        fprintf(stderr, "timer_floor: SECONDS and PERIOD_NS must be positive\n");
        return 2;
    }
    long *lateness = malloc(sizeof(long) * (size_t)count);
    if (lateness == NULL) return 1;
    struct timespec due, now;
    clock_gettime(CLOCK_MONOTONIC, &due);
    for (long i = 0; i < count; i++) {
        due.tv_nsec += period;
        while (due.tv_nsec >= 1000000000L) {
            due.tv_nsec -= 1000000000L;
            due.tv_sec += 1;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
        lateness[i] = (now.tv_sec - due.tv_sec) * 1000000000L + (now.tv_nsec - due.tv_nsec);
    }
    qsort(lateness, (size_t)count, sizeof(long), compare);
    printf("{\"count\": %ld, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}\n", count,
           lateness[count / 2] / 1e6, lateness[count * 99 / 100] / 1e6, lateness[count - 1] / 1e6);
    free(lateness);
    return 0;
}
