/* sheet.h - .xlsx workbooks for people, written with libxlsxwriter: the
 * labelling sheet of make annotate and the reports as one workbook.
 *
 * Every text cell is written as a string cell, so that a spreadsheet never
 * turns an id such as 00123 or 1e5 into a number, nor a text that begins
 * with = into a formula: no apostrophe is needed.  Numbers are number
 * cells.  The header row is frozen and carries an autofilter.  The same
 * input gives byte-identical files: the document's creation time is fixed.
 * A workbook is written under a temporary name beside path and renamed
 * into place (util.h: st_out). */
#ifndef STANCE_SHEET_H
#define STANCE_SHEET_H

#include <stddef.h>
#include "util.h"

/* The creation time written into every workbook (2026-01-01T00:00:00Z). */
#define ST_SHEET_CREATED 1767225600

/* One quote to label.  The strings are the caller's. */
struct st_todo_row {
	const char *article, *quote, *speaker, *role;
	const char *suggested;	/* the model's label */
	double confidence;	/* its probability, 0 to 1 */
	const char *sentence;	/* the sentence around the quote, or "" */
	const char *paragraph;	/* its paragraph, or "" */
};

/* Write the labelling sheet path: the columns article, quote, speaker,
 * role, stance (empty, with a drop-down list of labels[0..nlabels) that
 * refuses anything else), suggested, confidence (a percentage), sentence
 * and paragraph, the rows in the order given.  0 or -1 with err filled. */
int st_sheet_write_todo(const char *path, const struct st_todo_row *rows,
                        size_t n, char *const *labels, int nlabels,
                        struct st_error *err);

/* Write the workbook path from the reports dir/quotes.csv, articles.csv
 * and speakers.csv (as stance-report writes them, plain or --excel), one
 * sheet each: ids and names as text (the CSV-injection apostrophe taken
 * off again: a string cell needs none), counts and offsets as numbers,
 * confidence and P(label) as percentages.  Memory does not grow with the
 * reports.  0 or -1 with err filled. */
int st_sheet_write_reports(const char *dir, const char *path,
                           struct st_error *err);

/* Where the quote text[start..end) sits: *pb..*pe gets its paragraph (the
 * line it is on, without the line end) and *sb..*se the sentence around
 * it (from the end of the sentence before the opening quotation mark to
 * the end of the one that holds the closing mark, within the paragraph). */
void st_text_around(const char *text, size_t len, size_t start, size_t end,
                    size_t *sb, size_t *se, size_t *pb, size_t *pe);

#endif
