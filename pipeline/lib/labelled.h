/* labelled.h - labelled quotes from annotation sheets and their articles.
 *
 * An annotation sheet is a CSV with at least the columns article, quote
 * and stance (others, such as speaker, role, suggested and confidence, are
 * ignored), as a spreadsheet saves it: comma or semicolon separated (told
 * from the header line), with or without a byte order mark, CRLF or LF,
 * and with the apostrophe of the CSV-injection defence ('=...) taken off
 * again.  A stance matches its label without regard to case and to white
 * space at either end.  Each row's quote is found among the quotes the
 * extractor finds in ARTICLES/<article>.txt (white space and the
 * punctuation at either end do not count), so that training sees the same
 * speaker, role and context that prediction will.
 *
 * Sheets are loaded one after another into one st_labelled, which
 * remembers every quote labelled so far: a row that labels a quote again
 * with the same label counts once; with another label, the row of the
 * newer sheet (annotations.h: st_sheet_age_cmp; within one sheet, the
 * later row) wins, and both rows are named in a warning.  The quotes come
 * out in the order they were first labelled. */
#ifndef STANCE_LABELLED_H
#define STANCE_LABELLED_H

#include "quote.h"
#include "util.h"

struct st_labelled_state;

/* Zero it, set the first fields, load sheets, then st_labelled_finish(). */
struct st_labelled {
	const char *articles_dir;	/* the caller's */
	char *const *labels;		/* the caller's */
	int nlabels;
	/* An article that cannot be read stops the load, unless keep_going
	 * is set: then its rows are warned about and skipped. */
	int keep_going;
	/* Called for a row that is skipped but does not stop the load (its
	 * quote is not in its article, or the article cannot be read under
	 * keep_going) and for a quote labelled twice differently, with err
	 * naming the annotation file and line.  May be NULL. */
	void (*warn)(const struct st_error *err, void *arg);
	void *warn_arg;
	long skipped;		/* rows with an empty stance */
	long not_found;		/* rows skipped with a warning */
	long duplicates;	/* rows that repeat a quote and its label */
	long conflicts;		/* rows that label a quote differently */
	struct st_labelled_state *state;	/* st_labelled_finish() frees */
};

/* Append to out the labelled quotes of the annotation file path (contents
 * data[0..len)), each with its stance set to the label as the labels list
 * spells it; a quote labelled before (into the same out) has its stance
 * replaced when this row wins.  With rows set, the numbers in messages are
 * row numbers (the header is row 1), for a sheet converted from a
 * workbook; else lines.  Fails on CSV that does not parse, a missing
 * column, an unknown label (listing the valid ones), a bad article id or,
 * without keep_going, an article that cannot be read, naming the line; the
 * file's age is taken from path (st_sheet_age). */
int st_labelled_load_sheet(struct st_labelled *l, const char *path,
                           const char *data, size_t len, int rows,
                           struct st_quotes *out, struct st_error *err);
/* The same with line numbers. */
int st_labelled_load(struct st_labelled *l, const char *path,
                     const char *data, size_t len, struct st_quotes *out,
                     struct st_error *err);
/* Free what the loads remembered (the quotes stay in out). */
void st_labelled_finish(struct st_labelled *l);

#endif
