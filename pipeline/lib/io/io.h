/* io.h - files: whole-file reads, output that appears whole
 * or not at all, folders replaced whole, CSV through libcsv, the quotes
 * files between stages, and the sheets analysts label.  Every failure is
 * an st_error naming the file and, where there is one, the line. */
#ifndef STANCE_IO_H
#define STANCE_IO_H

#include "core/core.h"
#include "text/text.h"
#include <stddef.h>
#include <signal.h>
#include <stdio.h>

/* Read a whole file ("-" is stdin, which is not closed) into *out, NUL
 * appended; the caller frees out->s.  Fails on I/O errors. */
int st_read_file(const char *path, struct st_buf *out, struct st_error *err);

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
/* Hold the signals that handler catches, from just before a temporary
 * name is created until it is tracked, so that no signal comes between
 * the two and leaves the file behind; *old is what to release to. */
void st_signals_hold(sigset_t *old);
void st_signals_release(const sigset_t *old);

/* The files a stage is to read, one at a time: its operands
 * (st_names_args(), names the caller keeps alive), or the lines of the
 * file path (st_names_open(), "-" is stdin, which is not closed; line
 * ends and empty lines are skipped; NULL with err filled when it cannot
 * be opened).  st_names_count() is how many there are (0 when the list is
 * stdin, which cannot be counted before it is read); st_names_next()
 * returns 1 with *name (valid until the next call), 0 at the end, -1 with
 * err filled on a read error.  st_names_close() frees it (NULL is fine). */
struct st_names;
struct st_names *st_names_args(char **names, int n);
struct st_names *st_names_open(const char *path, struct st_error *err);
long st_names_count(const struct st_names *l);
int st_names_next(struct st_names *l, const char **name,
                  struct st_error *err);
void st_names_close(struct st_names *l);

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

/* commit.h - a folder of outputs (a model, the reports) replaced whole or
 * not at all.
 *
 * st_stage_open() makes a fresh folder beside DIR, DIR.new-HOST-PID-XXXXXX,
 * after removing the ones that processes of this host no longer running
 * left behind (a kill leaves nothing for ever, and a live run elsewhere is
 * never touched).  own names the files the stage writes (NULL-terminated;
 * NULL when nothing is carried): anything else in a stale stage was
 * carried from DIR by a run killed before its swap, and goes back to DIR
 * first.  The caller writes every output into stage->path, then
 * st_stage_commit() swaps it with DIR in one step (renameat2 with
 * RENAME_EXCHANGE; one rename when DIR does not exist yet), so that a
 * reader, a kill or a full disk sees the old folder or the new one, never
 * a mix.  Where the file system cannot exchange, the old DIR is renamed
 * away first and the new one renamed in: a kill between the two leaves no
 * DIR but the old one beside it.
 *
 * With ST_STAGE_CARRY, entries of the old DIR that the stage did not write
 * and that are not among own (plots and evaluations beside the reports)
 * are moved into the stage just before the swap, and back if it fails: a
 * file of own that this run did not write (a workbook asked for the last
 * time only) goes with the old folder.  With ST_STAGE_KEEP_PREV the old
 * folder becomes DIR.prev, replacing an older one; otherwise it is removed.
 *
 * Errors name the folder and return -1 with err filled; on failure the
 * stage is removed and DIR is as it was. */

struct st_stage {
	char *dir;	/* the folder to replace */
	char *path;	/* the folder being written */
	const char *const *own;	/* the caller's, kept alive until the end */
};

#define ST_STAGE_CARRY 1
#define ST_STAGE_KEEP_PREV 2

/* Create the stage for dir; the caller owns stage and calls exactly one of
 * st_stage_commit() or st_stage_abort(). */
int st_stage_open(struct st_stage *stage, const char *dir,
                  const char *const *own, struct st_error *err);
/* Swap the stage in for its folder; the stage is gone afterwards, either
 * way. */
int st_stage_commit(struct st_stage *stage, int flags, struct st_error *err);
/* Remove the stage and everything in it (NULL paths are fine). */
void st_stage_abort(struct st_stage *stage);

/* csvio.h - every CSV file the pipeline reads (csvio.c) or writes
 * (csvwrite.c) goes through here, on top of libcsv (RFC 4180; a UTF-8
 * byte order mark and CR, LF or CRLF line ends accepted on input). */


/* One parsed row.  The strings belong to the parser and live only until
 * the callback returns: copy what you keep. */
struct st_csv_row {
	char **field;
	const size_t *len;	/* len[i]: the bytes of field[i], its NUL not
				 * counted (a field of data given to
				 * st_csv_parse() may hold a NUL before) */
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
	long long bytes;	/* written so far, byte order mark and line
				 * ends included */
};
void st_csv_writer_init(struct st_csv_writer *w, FILE *fp, int excel,
                        int safe);
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
	size_t made;	/* q[0..made) own their strings: q[n..made) are the
			 * quotes st_quotes_clear() left, for st_quotes_add()
			 * to use again */
};

void st_quotes_init(struct st_quotes *qs);
void st_quotes_finish(struct st_quotes *qs);
/* Empty qs, keeping its quotes' memory for the next st_quotes_add(). */
void st_quotes_clear(struct st_quotes *qs);
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
/* The quote id of number id, "q" and its digits as "q%d" writes them,
 * into buf (16 bytes or more). */
void st_quote_id(char *buf, int id);

/* Append the rows of a quotes file (contents data, named path in
 * messages) to qs.  Fails on a missing column, a bad number, or CSV that
 * does not parse, naming the line. */
int st_quotes_read(const char *path, const char *data, size_t len,
                   struct st_quotes *qs, struct st_error *err);

/* A quotes file read a quote at a time, in bounded memory.  Opening reads
 * the header (an empty file or a missing column is an error, at line 1);
 * st_quote_next() fills q (a quote from st_quotes_add() or zeroed with its
 * strings set; its strings are replaced, each written over in place when
 * it is as long as the new one or longer) and returns 1, 0 at the end,
 * or -1 with err naming the line. */
struct st_quote_reader;
struct st_quote_reader *st_quote_reader_open(const char *path,
                                             struct st_error *err);
int st_quote_next(struct st_quote_reader *r, struct st_quote *q,
                  struct st_error *err);
void st_quote_reader_close(struct st_quote_reader *r);

/* annotations.h - reading back the sheets analysts label: what a
 * spreadsheet does to a CSV on the way (separator, neutralised cells,
 * labels typed by hand), which of two sheets is the newer, and .xlsx and
 * .ods sheets read through LibreOffice.  No printing, no exit: every
 * function returns its result or fills a struct st_error. */


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

/* vkey.h - which quote a feature vector line is.  stance-features ends
 * each LIBSVM line with " # ARTICLE<TAB>QUOTE_ID", SVMlight's trailing
 * comment, so that the stages after it join on the key, not on the row's
 * position; a backslash, tab, newline or CR in either is written \\, \t,
 * \n or \r.  The vector part never holds a '#', so the first one starts
 * the key whatever the article id holds. */

/* Append the key of (article, quote_id) to b, with its leading " # ". */
void st_vkey_add(struct st_buf *b, const char *article, const char *quote_id);
/* Split a vector line (without its newline) in place: the line is cut
 * before its key and *article and *quote_id point at the key's parts,
 * unescaped, inside line.  1 with the key, 0 for a line without one
 * (plain LIBSVM: line untouched, both NULL), -1 with err naming path and
 * lineno for a key that does not parse. */
int st_vkey_split(char *line, char **article, char **quote_id,
                  const char *path, long lineno, struct st_error *err);

/* labels.h - the labels of a classifier, as files give them.
 *
 * One parser reads both forms of a label file:
 *   a list (pipeline/data/labels.txt, stance-train --labels FILE): one
 *     label a line; blank lines and # comments skipped, CR and spaces at
 *     the end of a line dropped;
 *   a model folder's labels.txt (learn.h): "label NAME" lines among lines
 *     of the model's own (its version and checksums), which a callback
 *     reads.
 * The labels keep their order: a model's classes are their positions. */

#define ST_MAX_LABELS 32

/* Index of label name in labels[0..n), or -1. */
int st_label_index(char *const *labels, int n, const char *name);

/* A checksum of labels[0..n) in their order, NULs included, for
 * labels.txt. */
unsigned long long st_labels_sum(char *const *labels, int n);

/* The prefixed form: every line goes first to line(s, lineno, arg, err),
 * which returns 1 when it took the line, 0 when the line must be
 * "PREFIXNAME", or -1 with err filled; after the last line it is called
 * once more with s NULL (and lineno the last line's), to fail on what was
 * missing. */
struct st_label_syntax {
	const char *prefix;
	int (*line)(const char *s, long lineno, void *arg,
	            struct st_error *err);
	void *arg;
};

/* Read the labels of text (the contents of path, which is named in
 * messages) into labels (caller frees each with free(3)) and return the
 * count; syn NULL reads a list.  Fails, returning -1 with err naming the
 * line and nothing left to free, on more than ST_MAX_LABELS labels, a
 * label twice or fewer than two ("more than 32 labels", "label twice",
 * "fewer than two labels" in a list; "too many or repeated labels",
 * "unexpected line", "truncated label file" in the prefixed form), or
 * when syn->line fails. */
int st_labels_read(const char *path, const char *text,
                   const struct st_label_syntax *syn, char **labels,
                   struct st_error *err);
/* A list: st_labels_read() with syn NULL. */
int st_labels_parse(const char *path, const char *text, char **labels,
                    struct st_error *err);

/* tsv.h - lines of tab-separated fields in files of a run's own, and
 * sort(1) over them.  st_tsv_put() writes s with '\\', tab, CR and
 * newline escaped (\\, \t, \r, \n), so that a field never holds a
 * separator; st_tsv_unescape() undoes that in place and returns s.
 * st_tsv_split() cuts line (its newline dropped) at tabs into at most max
 * fields f[] and returns how many.  st_tsv_escape() appends the escaped
 * form to b instead. */
void st_tsv_put(FILE *fp, const char *s);
void st_tsv_escape(struct st_buf *b, const char *s);
char *st_tsv_unescape(char *s);
int st_tsv_split(char *line, char **f, int max);
/* Sort the lines of file in into out with sort(1) in the C locale, by
 * their first nkeys (1 to 3) fields compared as bytes, its memory bounded
 * (32 MB) and its temporary files in tmpdir.  0, or -1 with err naming in
 * when sort cannot run or fails. */
int st_sort_file(const char *in, const char *out, int nkeys,
                 const char *tmpdir, struct st_error *err);
/* The lines of the files ins[0..n) (n >= 1, the strings the caller's)
 * sorted together into out, as st_sort_file() sorts one file.  Fails as
 * st_sort_file(), naming ins[0]. */
int st_sort_files(char *const *ins, size_t n, const char *out, int nkeys,
                  const char *tmpdir, struct st_error *err);
/* Merge the files ins[0..n) (n >= 1, the strings the caller's), each
 * sorted as st_sort_file() sorts, into out (sort -m: one pass, no
 * sorting again).  Fails as st_sort_file(), naming ins[0]. */
int st_sort_merge(char *const *ins, size_t n, const char *out, int nkeys,
                  const char *tmpdir, struct st_error *err);
/* The files ins[0..n) sorted as st_sort_files() sorts them (with merge,
 * merged as st_sort_merge() does), read from the FILE returned as sort
 * writes them, with no file between; NULL with err when sort cannot run.
 * st_sort_close() ends it, given rc, the reader's result (0, or -1 with
 * err filled): it returns rc, or -1 with err naming ins[0] when sort
 * failed, which is then the cause of what was read. */
struct st_sort {
	pid_t pid;		/* the process */
	char *errpath;		/* its message */
	const char *in;		/* ins[0] */
	FILE *fp;
};
FILE *st_sort_open(char *const *ins, size_t n, int merge, int nkeys,
                   const char *tmpdir, struct st_sort *s,
                   struct st_error *err);
int st_sort_close(struct st_sort *s, int rc, struct st_error *err);

#endif
