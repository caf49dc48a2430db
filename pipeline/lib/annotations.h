/* annotations.h - reading back the sheets analysts label: what a
 * spreadsheet does to a CSV on the way (separator, neutralised cells,
 * labels typed by hand), which of two sheets is the newer, and .xlsx and
 * .ods sheets read through LibreOffice.  No printing, no exit: every
 * function returns its result or fills a struct st_error. */
#ifndef STANCE_ANNOTATIONS_H
#define STANCE_ANNOTATIONS_H

#include <stddef.h>
#include "util.h"

/* The field separator of a CSV sheet, from its header line (after any
 * byte order mark): ';' when that line has more semicolons than commas
 * outside quoted fields, as a European spreadsheet saves it; ',' otherwise. */
char st_sheet_delim(const char *data, size_t len);

/* Undo the CSV-injection defence in place: a cell that starts with an
 * apostrophe followed by =, +, -, @, tab or CR loses the apostrophe (the
 * CSV writer added it, and a spreadsheet keeps it when it saves). */
void st_cell_restore(char *s);

/* The index in labels[0..n) of name, compared without regard to case
 * (Unicode case folding) and to white space at either end (no-break
 * spaces included), or -1. */
int st_label_match(char *const *labels, int n, const char *name);

/* "a, b, c": the labels for a message.  Caller frees. */
char *st_labels_join(char *const *labels, int n);

/* Which of two sheets is newer.  A sheet's date is the first YYYY-MM-DD
 * in its file name (todo-2026-03-01.csv), or else the day (UTC) of its
 * modification time; a later date is newer, then a later modification
 * time, then the name that sorts later. */
struct st_sheet_age {
	char date[11];		/* YYYY-MM-DD */
	long long mtime_ns;	/* 0 when the file cannot be stat'ed */
	const char *name;	/* the caller's */
};
void st_sheet_age(const char *path, struct st_sheet_age *a);
/* < 0 when a is older than b, > 0 when newer, 0 for the same sheet. */
int st_sheet_age_cmp(const struct st_sheet_age *a,
                     const struct st_sheet_age *b);

/* Is path a sheet that must go through LibreOffice (.xlsx or .ods, in
 * any case)? */
int st_sheet_needs_office(const char *path);

/* Convert the first sheet of the workbook path (.xlsx or .ods) to UTF-8
 * comma CSV with soffice --headless in the folder tmpdir (which the caller
 * made and removes, with the files in it), and read that CSV into out.
 * Fails, naming path, when soffice is not on PATH (saying which Debian
 * package to install) or the conversion fails. */
int st_sheet_convert(const char *path, const char *tmpdir,
                     struct st_buf *out, struct st_error *err);

#endif
