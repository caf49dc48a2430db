/* csvio.h - every CSV file the pipeline reads or writes goes through here,
 * on top of libcsv (RFC 4180; a UTF-8 byte order mark and CR, LF or CRLF
 * line ends accepted on input). */
#ifndef STANCE_CSVIO_H
#define STANCE_CSVIO_H

#include <stdio.h>
#include "util.h"

/* One parsed row.  The strings belong to the parser and live only until
 * the callback returns: copy what you keep. */
struct st_csv_row {
	char **field;
	size_t n;
	long line;	/* 1-based line where the row starts */
};

/* Called once per row, the header included; return 0 to go on, -1 (with
 * err filled) to stop the parse with that error. */
typedef int (*st_csv_row_fn)(const struct st_csv_row *row, void *ctx,
                             struct st_error *err);

/* Parse data[0..len) (the contents of path, which is used only in
 * messages).  Returns 0, or -1 with err naming the line of a malformed
 * row, an unterminated quoted field, or the callback's error. */
int st_csv_parse(const char *path, const char *data, size_t len,
                 st_csv_row_fn fn, void *ctx, struct st_error *err);
/* The same with another field separator (';' for a European spreadsheet's
 * CSV). */
int st_csv_parse_delim(const char *path, const char *data, size_t len,
                       char delim, st_csv_row_fn fn, void *ctx,
                       struct st_error *err);

/* A CSV file read a row at a time, in bounded memory (a block of the file
 * and the rows it completed).  st_csv_reader_open() fails when the file
 * cannot be opened ("-" is stdin); st_csv_next() returns 1 and the next
 * row (header included; valid until the next call), 0 at the end, or -1
 * with err naming the line of malformed CSV, invalid UTF-8 or a NUL byte.
 * st_csv_reader_close() frees it (and closes the file unless stdin). */
struct st_csv_reader;
struct st_csv_reader *st_csv_reader_open(const char *path,
                                         struct st_error *err);
int st_csv_next(struct st_csv_reader *r, const struct st_csv_row **row,
                struct st_error *err);
void st_csv_reader_close(struct st_csv_reader *r);

/* Index of the column called name in a header row, or -1. */
int st_csv_col(const struct st_csv_row *header, const char *name);

/* A CSV writer over a stream the caller owns.  Fields are quoted only when
 * they must be (comma, quote, CR, LF, or white space at either end), so
 * that plain headers and numbers stay plain.  With excel set, a UTF-8
 * byte order mark starts the file and rows end in CRLF.  With safe set, a
 * text field that a spreadsheet would run as a formula (it begins with =,
 * +, -, @, tab or CR) is written with a leading apostrophe (OWASP). */
struct st_csv_writer {
	FILE *fp;
	size_t nfield;
	int excel;
	int safe;
	struct st_buf scratch;	/* freed by st_csv_writer_finish() */
};
void st_csv_writer_init(struct st_csv_writer *w, FILE *fp, int excel,
                        int safe);
void st_csv_putn(struct st_csv_writer *w, const char *s, size_t n);
void st_csv_put(struct st_csv_writer *w, const char *s);
/* A number or other text that must never be neutralised. */
void st_csv_putraw(struct st_csv_writer *w, const char *s);
void st_csv_putl(struct st_csv_writer *w, long v);
/* %.*f with the given number of decimals, trailing zeros kept, so that
 * columns line up and output is byte-stable. */
void st_csv_putd(struct st_csv_writer *w, double v, int decimals);
void st_csv_endrow(struct st_csv_writer *w);
/* Free the writer's buffer (the stream stays the caller's). */
void st_csv_writer_finish(struct st_csv_writer *w);

#endif
