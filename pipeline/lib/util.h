/* util.h - errors, growable buffers, number parsing and safe file output
 * shared by every module of libstance.
 *
 * Library code never prints and never exits: a function that can fail
 * returns -1 (or NULL) and fills a struct st_error, and the program decides
 * what to print.  The one exception is running out of memory: st_xmalloc()
 * and friends abort(), because no caller could do anything better. */
#ifndef STANCE_UTIL_H
#define STANCE_UTIL_H

#include <stddef.h>
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

/* Print "PROG: FILE:LINE: MSG" (or "PROG: MSG" when err->file is NULL) on
 * stderr.  For programs only. */
void st_perror(const char *prog, const struct st_error *err);

void *st_xmalloc(size_t n);
void *st_xcalloc(size_t n, size_t size);
void *st_xrealloc(void *p, size_t n);
char *st_xstrdup(const char *s);
char *st_xstrndup(const char *s, size_t n);

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
void st_buf_add(struct st_buf *b, const void *p, size_t n);
void st_buf_adds(struct st_buf *b, const char *s);
void st_buf_addc(struct st_buf *b, char c);
void st_buf_addf(struct st_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *st_buf_detach(struct st_buf *b);
/* Remove leading and trailing ASCII white space. */
void st_buf_trim(struct st_buf *b);

/* Whole-number and floating-point parsing of the whole of s (no atoi):
 * return 0 and store the value, or -1 on an empty string, trailing junk or
 * an out-of-range value. */
int st_parse_long(const char *s, long *out);
int st_parse_double(const char *s, double *out);

/* Read a whole file ("-" is stdin, which is not closed) into *out, NUL
 * appended; the caller frees out->s.  Fails on I/O errors. */
int st_read_file(const char *path, struct st_buf *out, struct st_error *err);

/* Check that s[0..n) is UTF-8 without NUL bytes; on failure name the
 * 1-based line of the first bad byte in err (file is path). */
int st_check_text(const char *path, const char *s, size_t n,
                  struct st_error *err);

/* For text that st_check_text() refused: the encoding it is most likely
 * in, as iconv(1) names it ("UTF-16LE", "UTF-16BE" or "WINDOWS-1252"),
 * or NULL when no guess is safe (a truncated or corrupted UTF-8 file). */
const char *st_guess_encoding(const char *s, size_t n);

/* 1-based line number of byte offset off in s. */
long st_line_of(const char *s, size_t off);

/* Output that appears whole or not at all.  st_out_open() opens a
 * temporary file beside path (or stdout when path is NULL or "-");
 * st_out_commit() flushes, checks for write errors, closes and renames it
 * into place; st_out_abort() removes the temporary file.  Exactly one of
 * commit or abort must follow a successful open.  A temporary file of an
 * interrupted process is removed by the signal handler that
 * st_out_install_signals() installs. */
struct st_out {
	FILE *fp;
	const char *name;	/* the caller's path, named in errors: it must
				 * outlive the st_out */
	char *path;	/* final name, NULL for stdout */
	char *tmp;	/* temporary name, NULL for stdout */
};
int st_out_open(struct st_out *o, const char *path, struct st_error *err);
int st_out_commit(struct st_out *o, struct st_error *err);
void st_out_abort(struct st_out *o);
void st_out_install_signals(void);
/* Have that signal handler also remove the (by then empty) folder dir, a
 * string the caller keeps alive until it calls this again with on 0. */
void st_out_track_dir(char *dir, int on);

/* This host's name, made safe for a file name ('-' and '/' become '_'). */
const char *st_host(void);
/* Remove a file or a folder and all it holds; 0, or -1 with errno set. */
int st_remove_tree(const char *path);

/* The prefix NAME.tmp-HOST-PID- that temporary files and folders of this
 * process get after name; the caller frees it. */
char *st_temp_prefix(const char *name);
/* Remove the entries of the folder of path whose names start with
 * BASENAME.SEP-HOST- (sep "tmp" or "new") and whose process is no longer
 * running on this host.  Errors are ignored: this only tidies. */
void st_remove_stale(const char *path, const char *sep);
/* Does h, a name from just after ".tmp-" or ".new-" ("HOST-PID-..."),
 * name this host and a process of it that has ended? */
int st_dead_here(const char *h);
/* The same for every entry of the folder dir named *.tmp-HOST-PID-* or
 * *.new-HOST-PID-*, whatever comes before. */
void st_remove_stale_in(const char *dir);

/* The process's file mode creation mask, read without changing it. */
unsigned st_umask(void);

/* 64-bit FNV-1a hash, for checksums that tie files together. */
unsigned long long st_fnv1a(const void *p, size_t n, unsigned long long h);
#define ST_FNV_INIT 14695981039346656037ULL

#endif
