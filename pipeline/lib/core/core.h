/* core.h - the bottom layer: errors, memory, growable buffers,
 * string maps, child processes and the data files compiled in.
 *
 * Library code never prints and never exits: a function that can fail
 * returns -1 (or NULL) and fills a struct st_error, and the program decides
 * what to print.  The one exception is running out of memory: st_xmalloc()
 * and friends abort(), because no caller could do anything better. */
#ifndef STANCE_CORE_H
#define STANCE_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define STANCE_VERSION "1.0.0"

/* What went wrong, and where.  st_fail() copies the file name into
 * fbuf and points file at it, so that the name outlives the string it came
 * from (a path the failing function built and freed); code that sets file
 * by hand must keep its string alive.  line is 1-based, 0 when the error
 * belongs to no line of any file (a usage or memory error).  Copying the
 * struct leaves file pointing into the original's fbuf: pass pointers. */
struct st_error {
	const char *file;
	long line;
	char msg[512];
	char fbuf[1024];
};

/* Fill err (which may be NULL) with a printf-style message and a copy of
 * file (which may be NULL); returns -1 so that callers can write
 * `return st_fail(err, f, l, "...")`. */
int st_fail(struct st_error *err, const char *file, long line,
            const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Name file (copied) as the file of an error already filled in. */
void st_error_file(struct st_error *err, const char *file);

void *st_xmalloc(size_t n);
void *st_xcalloc(size_t n, size_t size);
void *st_xrealloc(void *p, size_t n);
char *st_xstrdup(const char *s);
char *st_xstrndup(const char *s, size_t n);

/* Room for one more element in the array p of n elements and cap
 * allocated (any integer type): when full, cap doubles (first when it is
 * 0) and p is reallocated; the n elements stay.  The array is the
 * caller's, freed with free(3).  Aborts, as st_xrealloc(), when memory
 * runs out. */
#define ST_GROW(p, n, cap, first)                                           \
	do {                                                                \
		if ((n) >= (cap)) {                                         \
			(cap) = (cap) ? (cap) * 2 : (first);                \
			(p) = st_xrealloc((p), (size_t)(cap) * sizeof *(p)); \
		}                                                           \
	} while (0)

/* A growable byte string, always NUL-terminated.  Initialise with
 * ST_BUF_INIT or st_buf_init(); st_buf_finish() frees the bytes;
 * st_buf_detach() hands them to the caller, who frees them with free(3). */
struct st_buf {
	char *s;
	size_t len, cap;
};
#define ST_BUF_INIT { NULL, 0, 0 }
void st_buf_init(struct st_buf *b);
void st_buf_finish(struct st_buf *b);
void st_buf_reset(struct st_buf *b);
/* Room in b for n more bytes and the NUL after them, so that b->s[b->len
 * .. b->len + n] can be written in place before b->len grows. */
void st_buf_reserve(struct st_buf *b, size_t n);
void st_buf_add(struct st_buf *b, const void *p, size_t n);
void st_buf_adds(struct st_buf *b, const char *s);
void st_buf_addc(struct st_buf *b, char c);
void st_buf_addf(struct st_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *st_buf_detach(struct st_buf *b);
/* "dir/name", in memory the caller frees with free(3).  Never fails
 * (st_xmalloc aborts when memory runs out). */
char *st_join(const char *dir, const char *name);
/* Remove leading and trailing ASCII white space. */
void st_buf_trim(struct st_buf *b);

/* Whole-number and floating-point parsing of the whole of s (no atoi):
 * return 0 and store the value, or -1 on an empty string, trailing junk or
 * an out-of-range value. */
int st_parse_long(const char *s, long *out);
int st_parse_double(const char *s, double *out);

/* 64-bit FNV-1a hash, for checksums that tie files together. */
unsigned long long st_fnv1a(const void *p, size_t n, unsigned long long h);
#define ST_FNV_INIT 14695981039346656037ULL

/* strmap.h - a hash map from strings to ints (open addressing, FNV-1a),
 * used for word lists, the vocabulary and speaker tables.
 *
 * The map owns copies of its keys; st_map_finish() frees them.  Keys are
 * kept in insertion order in keys[0..n), so iterating is deterministic. */


struct st_map {
	char **keys;		/* insertion order */
	size_t *lens;		/* lens[i] = strlen(keys[i]) */
	int *vals;		/* vals[i] belongs to keys[i] */
	size_t n, cap;		/* entries, capacity of keys/vals */
	uint64_t *slots;	/* 0 = empty, else hash bits and index + 1 */
	size_t nslots;
};

void st_map_init(struct st_map *m);
void st_map_finish(struct st_map *m);
/* Pointer to the value of key[0..len), or NULL. */
int *st_map_getn(const struct st_map *m, const char *key, size_t len);
int *st_map_get(const struct st_map *m, const char *key);
/* Insert key with value v unless present; return a pointer to the stored
 * value either way (so *st_map_put(m, k, 0) += 1 counts). */
int *st_map_putn(struct st_map *m, const char *key, size_t len, int v);
int *st_map_put(struct st_map *m, const char *key, int v);

/* Load a word list: every white-space-separated word of text outside
 * comment lines (#...) is put with value v.  With tabbed set, each line is
 * "word<TAB>class" and the value is the index of class in classes, which
 * is filled as classes are seen. */
void st_map_load_words(struct st_map *m, const char *text, int v);
void st_map_load_classes(struct st_map *m, struct st_map *classes,
                         const char *text);

/* parallel.h - independent tasks in child processes.
 *
 * libsvm keeps global state (rand(), a print hook) and is not
 * thread-safe, so work is spread over processes: each task runs in a
 * forked child and sends its fixed-size result back through a pipe. */


/* Run fn(i, arg, results + i * size) for every i in [0, n), at most jobs
 * at a time (jobs <= 1: one after another in this process).  done, when
 * not NULL, is called in this process after each task finishes.  Returns 0,
 * or -1 with err filled when a child fails or dies.  A child outlives no
 * parent: on Linux, the parent's death sends it SIGTERM. */
int st_parallel(int n, int jobs, size_t size,
                void (*fn)(int i, void *arg, void *out), void *arg,
                void *results, void (*done)(int finished, int n, void *arg),
                struct st_error *err);

/* The number of processes to use: $STANCE_JOBS if set, else the online
 * processors, at least 1. */
int st_jobs(void);

/* data.h - the data files of pipeline/data/, compiled into the programs
 * (see scripts/embed) so that an installed binary needs no data path. */

extern const char st_data_cues[];		/* cue verbs, every form */
extern const char st_data_roles[];		/* role word<TAB>class */
extern const char st_data_nonames[];		/* never part of a name */
extern const char st_data_female_names[];	/* for "she" */
extern const char st_data_male_names[];		/* for "he" */
extern const char st_data_labels[];		/* the default labels */
extern const char st_data_function_words[];
extern const char st_data_determiners[];
extern const char st_data_prepositions[];	/* end an inverted group */
extern const char st_data_gap_words[];		/* subject ... cue verb */
extern const char st_data_org_nouns[];
extern const char st_data_abbreviations[];
extern const char st_data_pronouns[];		/* word<TAB>class */
extern const char st_data_name_context[];	/* names, titles in marks */
extern const char st_data_person_nouns[];	/* noun[<TAB>alias] */
extern const char st_data_group_stop_words[];	/* never in a group */
extern const char st_data_conjunctions[];	/* start a new clause */
extern const char st_data_clause_words[];	/* word<TAB>class */
extern const char st_data_actors[];		/* the actor dictionary */

#endif
