/* quote.h - a quoted statement as the stages pass it on, and the quotes
 * file (build/.../quotes/ID.csv) that carries it from stance-tokenize to
 * stance-features and stance-report.
 *
 * Quotes file columns, in this order:
 *   article,quote_id,paragraph,start,end,kind,speaker,role,quote,context,tokens,
 *   date,source,speaker_confidence
 * and optionally a last column stance (a gold label, for training).  date
 * and source are the article's (dateline.h); speaker_confidence is how
 * sure the speaker is, 0 to 1 with one decimal (the rules' table is in
 * extract/attribution.c), empty when the speaker is.  A file without
 * these columns reads as if they were empty.
 * start and end are byte offsets into the article file; context is the
 * attribution (the text of the quote's sentence outside the quotation
 * marks, the speaker's name left out); tokens are the quote's normalised
 * words, separated by single spaces. */
#ifndef STANCE_QUOTE_H
#define STANCE_QUOTE_H

#include <stdio.h>
#include "util.h"

enum st_kind { ST_FULL, ST_PARTIAL };

/* Every string is owned by the quote and freed by st_quote_finish(). */
struct st_quote {
	char *article;
	int id;			/* 1-based; written as q<id> */
	long paragraph;		/* 1-based */
	size_t start, end;	/* byte offsets, end exclusive */
	enum st_kind kind;
	char *speaker;		/* "" when unknown */
	char *role;		/* "" when unknown */
	char *text;
	char *context;
	char *tokens;
	char *stance;		/* "" when unlabelled */
	char *date;		/* the article's, YYYY-MM-DD, or "" */
	char *source;		/* the article's agency, or "" */
	double speaker_confidence;	/* 0 to 1; negative when unknown
					 * (no speaker): written empty */
	long line;		/* line of the file it was read from, or 0 */
};

/* A growable array of quotes; st_quotes_finish() frees them all. */
struct st_quotes {
	struct st_quote *q;
	size_t n, cap;
};

void st_quotes_init(struct st_quotes *qs);
void st_quotes_finish(struct st_quotes *qs);
/* Append a zeroed quote (all strings "", speaker_confidence -1) and
 * return it. */
struct st_quote *st_quotes_add(struct st_quotes *qs);
void st_quote_finish(struct st_quote *q);
/* Replace *field by a copy of s[0..n). */
void st_set(char **field, const char *s, size_t n);

/* The columns written, NULL-terminated; the first ST_QUOTES_REQUIRED
 * must be there when a file is read. */
extern const char *const st_quotes_header[];
#define ST_QUOTES_REQUIRED 11

/* Write the header (when header is set) and the quotes to fp. */
void st_quotes_write(FILE *fp, const struct st_quotes *qs, int header);

/* Append the rows of a quotes file (contents data, named path in
 * messages) to qs.  Fails on a missing column, a bad number, or CSV that
 * does not parse, naming the line. */
int st_quotes_read(const char *path, const char *data, size_t len,
                   struct st_quotes *qs, struct st_error *err);

/* A quotes file read a quote at a time, in bounded memory.  Opening reads
 * the header (an empty file or a missing column is an error, at line 1);
 * st_quote_next() fills q (a quote from st_quotes_add() or zeroed with its
 * strings set; its strings are replaced) and returns 1, 0 at the end, or
 * -1 with err naming the line. */
struct st_quote_reader;
struct st_quote_reader *st_quote_reader_open(const char *path,
                                             struct st_error *err);
int st_quote_next(struct st_quote_reader *r, struct st_quote *q,
                  struct st_error *err);
void st_quote_reader_close(struct st_quote_reader *r);

#endif
