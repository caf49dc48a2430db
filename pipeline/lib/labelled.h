/* labelled.h - labelled quotes from annotation CSVs and their articles.
 *
 * An annotation CSV has at least the columns article, quote and stance
 * (others, such as speaker, role, suggested and confidence, are ignored);
 * a spreadsheet's byte order mark and CRLF line ends are fine.  Each row's
 * quote is found among the quotes the extractor finds in
 * ARTICLES/<article>.txt (white space and the punctuation at either end
 * do not count), so that training sees the same speaker, role and context
 * that prediction will. */
#ifndef STANCE_LABELLED_H
#define STANCE_LABELLED_H

#include "quote.h"
#include "util.h"

struct st_labelled {
	const char *articles_dir;	/* the caller's */
	char *const *labels;		/* the caller's */
	int nlabels;
	/* Called for a row that is skipped but does not stop the load (its
	 * quote is not in its article, or the article cannot be read), with
	 * err naming the annotation file and line.  May be NULL. */
	void (*warn)(const struct st_error *err, void *arg);
	void *warn_arg;
	long skipped;		/* rows with an empty stance */
	long not_found;		/* rows warned about */
};

/* Append to out the labelled quotes of the annotation file path (contents
 * data[0..len)), each with its stance set.  Fails on CSV that does not
 * parse, a missing column, an unknown label or a bad article id, naming
 * the line; counts and warnings go to l. */
int st_labelled_load(struct st_labelled *l, const char *path,
                     const char *data, size_t len, struct st_quotes *out,
                     struct st_error *err);

#endif
