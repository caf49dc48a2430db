/* parallel.h - independent tasks in child processes.
 *
 * libsvm keeps global state (rand(), a print hook) and is not
 * thread-safe, so work is spread over processes: each task runs in a
 * forked child and sends its fixed-size result back through a pipe. */
#ifndef STANCE_PARALLEL_H
#define STANCE_PARALLEL_H

#include <stddef.h>
#include "util.h"

/* Run fn(i, arg, results + i * size) for every i in [0, n), at most jobs
 * at a time (jobs <= 1: one after another in this process).  done, when
 * not NULL, is called in this process after each task finishes.  Returns 0,
 * or -1 with err filled when a child fails or dies. */
int st_parallel(int n, int jobs, size_t size,
                void (*fn)(int i, void *arg, void *out), void *arg,
                void *results, void (*done)(int finished, int n, void *arg),
                struct st_error *err);

/* The number of processes to use: $STANCE_JOBS if set, else the online
 * processors, at least 1. */
int st_jobs(void);

#endif
