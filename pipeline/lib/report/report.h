/* report.h - what people read: quotes and predictions joined on their
 * key, one identity per speaker, one label per person in an article, the
 * report files and errors.csv, the labelling sheet, and workbooks.
 * Failures are an st_error naming the file (and line); nothing here
 * prints or exits. */
#ifndef STANCE_REPORT_H
#define STANCE_REPORT_H

#include "core/core.h"
#include "text/text.h"
#include "io/io.h"
#include "extract/extract.h"
#include "learn/learn.h"
#include <stddef.h>

/* merge.h - the quotes and predictions of a run joined on their key,
 * article,quote_id, and merged into article then text order.
 *
 * Each pair is a quotes file (stance-tokenize: in article then text order)
 * and its predictions file (stance-classify: article,quote_id,stance,
 * confidence,P(label)...).  The predictions may come in any order: the
 * join reads them in step with the quotes and keeps only those read ahead
 * of their quote, so memory grows with how far they are out of order, not
 * with the file (in order, as stance-classify writes them, it stays
 * flat).  The pairs are merged as they are read. */

/* A quote's prediction: the index of its label, that label's probability,
 * and every label's. */
struct st_pred {
	int label;
	double conf, prob[ST_MAX_LABELS];
};

/* Open the pairs qpaths[i], ppaths[i] (the strings are the caller's and
 * must outlive the merge) and read each one's header and first quote.
 * NULL with err filled on a file that cannot be read, a predictions
 * header that is not one or whose labels differ from the first file's,
 * or any error of st_merge_next() at the first quote.  Free with
 * st_merge_free(). */
struct st_merge;
struct st_merge *st_merge_open(char *const *qpaths, char *const *ppaths,
                               size_t n, struct st_error *err);
void st_merge_free(struct st_merge *m);

/* The labels of the predictions' P(...) columns, owned by the merge. */
char *const *st_merge_labels(const struct st_merge *m, int *nlabels);
/* Did pair i hold no quotes? */
int st_merge_empty(const struct st_merge *m, size_t i);

/* The next quote of the run and its prediction: 1, 0 at the end, -1 with
 * err filled.  *q is the merge's until the next call; the caller may take
 * its speaker, role, text, date and source strings (swapping in strings of
 * its own: the reader frees them).  Fails, naming the file and line and
 * the key, on a quote without a prediction (the quotes file's line), a
 * prediction without a quote once its pair's quotes are done, a key given
 * twice in either file, quotes out of article then text order, a
 * prediction without a key, and bad fields (an unknown label, a
 * probability outside 0..1). */
int st_merge_next(struct st_merge *m, struct st_quote **q,
                  struct st_pred *p, struct st_error *err);

/* tally.h - what the reports count.  An article's quotes are held until
 * it ends (st_article_*): one person's quotes then get one label, and each
 * quote the evidence for it.  The batch's people (st_people_*) are
 * counted an article at a time into files, and merged at the end one
 * surname at a time. */

/* One person of speakers.csv.  The strings are the table's. */
struct st_person {
	char *key, *name, *role;	/* role: the first given, or NULL */
	char **var;			/* the names as written, in order */
	size_t nvar;
	long quotes, articles;
	long counts[ST_MAX_LABELS];	/* quotes per label */
	double mass[ST_MAX_LABELS];	/* their probabilities summed */
	char *first;			/* its first appearance, as people.c
					 * orders lines */
};

/* The batch's people for speakers.csv, gathered in temporary files of
 * the folder dir (named as st_temp_prefix() says, so that a killed run's
 * are tidied by the next) and sorted by sort(1) in the C locale, so that
 * memory does not grow with the number of people.  st_people_add() is
 * called once per person and article, article by article in the order of
 * the batch (an article's people in the order they are to count as first
 * seen; the place of a line in the batch is its article id and its number
 * there, so that tables of several processes, each over articles of its
 * own, merge as one): key and name as st_speaker_key() gave them, role
 * the first non-empty role of the person's quotes there ("" if none),
 * variants the names as written
 * (one per quote, in text order; repeats are dropped), and for each of
 * the nq quotes its label number and nlabels probabilities.
 * st_people_write() merges identities as st_speaker_merge() does across
 * the batch (a surname into the one full name with it, a full name into
 * the longest with its first and last words) and writes one row per
 * person to w: name, role, articles, quotes, quotes per label, the
 * majority label (st_person_majority), the variants joined by '|'; most
 * quotes first, then by name, then by first appearance.  Both return 0,
 * or -1 with err naming the file (a write error, or sort(1) failing).
 * st_people_free() removes the temporary files (NULL is fine). */
struct st_people;
struct st_people *st_people_new(const char *dir, int nlabels,
                                struct st_error *err);
int st_people_add(struct st_people *p, const char *article, const char *key,
                  const char *name, const char *role,
                  const char *const *variants, size_t nvar,
                  const int *labels, const double *probs, size_t nq,
                  struct st_error *err);
int st_people_write(struct st_people *p, struct st_csv_writer *w,
                    char *const *labels, struct st_error *err);
void st_people_free(struct st_people *p);
/* A batch counted by several processes, each over articles of its own,
 * its people folded by several too.  st_people_split(), before any
 * st_people_add(), has p's lines go to n files by their group (what
 * st_speaker_merge() may merge across), and st_people_end_split() ends
 * such a table (no st_people_write() then) with file i, as written,
 * moved to outs[i], the caller's to remove.  st_people_merge() takes file
 * i of every table, ins[0..n), sorts their lines together and folds them
 * into rows as st_people_write() does, sorted as it writes them, into out
 * (its temporary files in dir);
 * st_people_add_sorted() has a table with no lines of its own take such
 * a file path (the caller's string, kept alive, and file), and
 * st_people_write() then writes the rows of all those files as those of
 * one batch.  0, or -1 with err naming the file. */
int st_people_split(struct st_people *p, size_t n, struct st_error *err);
int st_people_end_split(struct st_people *p, char *const *outs,
                        struct st_error *err);
int st_people_merge(char *const *ins, size_t n, const char *out,
                    const char *dir, int nlabels, struct st_error *err);
void st_people_add_sorted(struct st_people *p, char *path);
/* Fold the people's lines read from in (the caller's, named inname in
 * errors), sorted by group then place in the batch, into one line per
 * person in the file out: QUOTES-DESC NAME FIRST ROLE ARTICLES QUOTES
 * MAJORITY COUNTS VARIANTS (persons.c).  -1 with err naming the file on a
 * read or write error or a line that is not one. */
int st_people_rows(FILE *in, const char *inname, const char *out,
                   int nlabels, struct st_error *err);
/* The label with the most quotes of sp; a tie goes to the larger total
 * probability, then to the first. */
int st_person_majority(const struct st_person *sp, int nlabels);

/* The quotes of one article with their predictions: q.q[0..n), pred[i]
 * and, after st_article_decide(), evidence[i] (a string the article owns).
 * The slots are reused from one article to the next, and so is what
 * depends only on a speaker (its actor, key and name: who_*[who's value])
 * or a role (its actor: roles's value), for the actors of every
 * st_article_decide() call, which must be the same; both are emptied
 * when they reach ST_WHO_MAX entries, so that memory stays bounded. */
#define ST_WHO_MAX (1 << 15)
struct st_article {
	struct st_quotes q;
	size_t n, cap;
	struct st_pred *pred;
	char **evidence;
	struct st_map who, roles;
	int *who_actor;
	char **who_key, **who_name;
	size_t nwho, capwho;
};
void st_article_init(struct st_article *a);
void st_article_finish(struct st_article *a);
/* Empty it for the next article (the slots stay). */
void st_article_clear(struct st_article *a);
/* Add quote q, of the same article as those held, and its prediction.
 * q's speaker, role, text, date and source strings change hands: q gets
 * the strings of a reused slot (valid ones, for the reader to replace);
 * its article is copied for the first quote only. */
void st_article_add(struct st_article *a, struct st_quote *q,
                    const struct st_pred *p);
/* Decide the held article: unless per_quote, one person's quotes
 * (speakers of the same identity once merged within the article, groups
 * R: aside) get the label of their probabilities combined
 * (st_combine_probs) in pred[i].label and .conf, the P(...) staying each
 * quote's own; evidence[i] gets what decided each (st_evidence_of); and
 * each person's quotes are counted into pp (when not NULL), once per
 * article.  Fails only as st_people_add() does. */
int st_article_decide(struct st_article *a, const struct st_actors *actors,
                      char *const *labels, int nlabels, int per_quote,
                      struct st_people *pp, struct st_error *err);

/* skips.h - the articles a run skipped, for errors.csv: from
 * stance-tokenize --errors lists (article,line,message[,path]) and
 * stance-shard --skipped (name,reason).  An article is listed once, the
 * first reason kept; the list is kept in article order. */
struct st_failure {
	char *article, *message, *where;	/* where: the file to blame */
	long line;	/* 0 when no line is to blame (a file name) */
};
struct st_skips {
	struct st_map failed;		/* article ids */
	struct st_failure *fl;
	size_t nfl;
	long other_files, folders;	/* in the folder, not articles */
};
void st_skips_init(struct st_skips *s);
void st_skips_finish(struct st_skips *s);
/* Read a list; -1 with err naming the file and line on a missing column,
 * a short row or a bad line number. */
int st_skips_read_errors(struct st_skips *s, const char *path,
                         struct st_error *err);
int st_skips_read_skipped(struct st_skips *s, const char *path,
                          struct st_error *err);
/* Was article skipped? */
int st_skips_has(const struct st_skips *s, const char *article);
/* Write errors.csv, article,line,message, to fp (errors show in ferror). */
void st_skips_write(const struct st_skips *s, FILE *fp, int excel);

/* write.h - quotes.csv, articles.csv and speakers.csv (README's columns,
 * CONTRACT.md's first ones), written as the merged quotes come: an
 * article's rows when the next one starts, articles without quotes in
 * their place from the list of ids, speakers.csv at the end.  Memory
 * holds one article and the people (tally.h). */
struct st_report_opts {
	char *const *labels;		/* labels[0..nlabels), the caller's */
	int nlabels;
	const struct st_actors *actors;	/* the caller's */
	const struct st_skips *skips;	/* left out of the ids, or NULL */
	const char *article_dir;	/* for the date and source of an
					 * article without quotes, or NULL */
	int per_quote, excel;
	const char *tmpdir;		/* for the people's files */
};
/* Write the headers to quotes, articles and speakers (the caller's
 * streams: it checks and closes them).  opts is copied, the strings it
 * points to are not.  Free with st_report_free(), which also removes
 * the temporary files in opts->tmpdir.  NULL with err filled when they
 * cannot be made. */
struct st_report;
struct st_report *st_report_new(const struct st_report_opts *opts,
                                FILE *quotes, FILE *articles,
                                FILE *speakers, struct st_error *err);
void st_report_free(struct st_report *r);
/* Every article id of the run, so that those without quotes get their
 * row: from the file path (one per line, in order, read as needed; fails
 * when it cannot be opened), or added one by one (sorted before use).
 * Skipped ids and repeats are passed over. */
int st_report_ids_file(struct st_report *r, const char *path,
                       struct st_error *err);
void st_report_ids_add(struct st_report *r, const char *id);
/* The next quote, in article then text order (st_merge_next), and its
 * prediction; q's strings change hands as in st_article_add().  Fails on
 * ids out of order or a read error of the ids file. */
int st_report_add(struct st_report *r, struct st_quote *q,
                  const struct st_pred *p, struct st_error *err);
/* The last article, the ids after it, and speakers.csv.  Fails as
 * st_report_add(). */
int st_report_end(struct st_report *r, struct st_error *err);
/* The articles.csv rows written. */
long st_report_articles(const struct st_report *r);

/* A part of the reports, for st_part_write(): no headers and no byte
 * order mark, only rows (ending as opts->excel says); done(arg, ARTICLE,
 * QBYTES, ABYTES) is called after each article's rows with how many
 * bytes they took in quotes and articles; no ids (st_report_ids_* are
 * not for a part); and st_report_end() writes no speakers.csv but leaves
 * the people's lines, split by group into npeople files, in the files
 * people[0..npeople) (st_people_split(), st_people_end_split()).  Otherwise as
 * st_report_new(). */
struct st_report *st_report_new_part(const struct st_report_opts *opts,
                                     FILE *quotes, FILE *articles,
                                     void (*done)(void *arg,
                                                  const char *article,
                                                  long qbytes, long abytes),
                                     void *arg, char *const *people,
                                     size_t npeople, struct st_error *err);
/* For the join of parts, in place of st_report_add(): the article
 * article, its rows written by a part: the rows of the ids before it,
 * then qbytes read from quotes and abytes from articles (what names them
 * in errors: a read error, a file shorter than that).  With quotes NULL,
 * only the rows of the ids before it.  Fails as st_report_add(). */
int st_report_copy(struct st_report *r, const char *article, FILE *quotes,
                   long qbytes, FILE *articles, long abytes,
                   const char *what, struct st_error *err);
/* People folded by st_people_merge() into path (the caller's string and
 * file), written into speakers.csv at the end, in place of the report's
 * own. */
void st_report_add_people(struct st_report *r, char *path);

/* parts.h - the reports of many pairs written by several processes at
 * once (stance-report forks them): each takes some of the pairs, merges
 * them as st_merge does, decides each article and writes its rows as the
 * reports' final bytes into files of the stage (st_part_write()); the
 * parent then joins the parts in article order (st_part_join()), copying
 * bytes, with the articles without quotes in their places, and the
 * people are folded by as many processes, the groups shared among them,
 * and written as one batch's.  The reports are byte for byte
 * those of one process, as long as no article is in pairs of two parts
 * (the pairs are batches of articles): st_part_join() says when one is,
 * and the caller writes them in one process instead.  Memory does not
 * grow with the number of quotes in any process. */
struct st_part {
	char *quotes, *articles, *index;	/* the part's files */
	char **people;		/* its people's, one per part of the join */
	size_t npeople;
	struct st_error err;	/* where st_part_write() returned 1: its
				 * error, file pointing into fbuf */
};
/* The names of the files of part i of n in the folder dir, named as
 * st_temp_prefix("part") says (a killed run's are tidied by the next);
 * st_part_finish() removes the files and frees the names. */
void st_part_init(struct st_part *p, const char *dir, int i, int n);
void st_part_finish(struct st_part *p);
/* Write part's files for the pairs qpaths[i], ppaths[i], i < n (as
 * st_merge_open() takes them), with the options o (opts->labels those of
 * the pairs' predictions); step(arg), when not NULL, after each quote.
 * 0; 1 with err filled when the merge failed (a key missing, extra or
 * given twice, bad data): the run fails with it once the join gets to
 * that article, as one process would fail there; -1 with err filled on
 * any other failure (the run fails with it now). */
int st_part_write(const struct st_report_opts *o, char *const *qpaths,
                  char *const *ppaths, size_t n, const struct st_part *part,
                  void (*step)(void *arg), void *arg, struct st_error *err);
/* Join parts[0..n) into rep (from st_report_new() with the options o,
 * its ids given) and end it (st_report_end()): the people are folded by
 * n processes, each taking the groups of one of the parts' people files
 * (st_people_merge()).  0; 1 when an article is in two parts (nothing of
 * rep can be used: the caller writes the reports in one process); -1
 * with err filled on a read error, an error of st_report_copy() or of
 * the people's, or where a part's st_part_write() returned 1 (that part's
 * err, which the caller put in parts[i].err). */
int st_part_join(struct st_report *rep, const struct st_report_opts *o,
                 struct st_part *parts, size_t n, struct st_error *err);

/* todo.h - the labelling sheet of make annotate: every quote with the
 * model's label as a suggestion, the least confident first (ties in the
 * order they came), the stance column left empty.  Holds every quote: the
 * order is known only at the end. */
struct st_todo;
/* labels (the caller's) name the suggestions; with article_dir, each
 * quote's sentence and paragraph are read from its article there. */
struct st_todo *st_todo_new(char *const *labels, int nlabels,
                            const char *article_dir);
void st_todo_free(struct st_todo *t);
/* Add quote q (copied); fails when its article cannot be read. */
int st_todo_add(struct st_todo *t, const struct st_quote *q,
                const struct st_pred *p, struct st_error *err);
/* The CSV sheet: article,quote,speaker,role,stance,suggested,confidence. */
void st_todo_write(struct st_todo *t, FILE *fp, int excel);
/* The workbook, with the sentences and paragraphs (st_sheet_write_todo). */
int st_todo_write_xlsx(struct st_todo *t, const char *path,
                       struct st_error *err);

/* speakers.h - one identity per speaker: who a speaker's name stands for
 * across an article and a batch, one camp for one person's quotes, and
 * what decided a quote's label.
 *
 * A speaker's identity is, in order:
 *   A:ID        the actor the dictionary knows by that name (actors.h);
 *   N:KEY       a person's full name (two or more capitalised words once
 *               titles are stripped), KEY its name key (st_name_fold);
 *   S:KEY       a surname alone, one capitalised word;
 *   R:TEXT      anything else ("officials", "the Armenian opposition"),
 *               as written.
 * st_speaker_merge() then resolves S: to the one full name with that
 * surname, and a full name to the longest full name with the same first
 * and last words ("Arsen Melkonyan" -> "Arsen A. Melkonyan"), when there
 * is exactly one.  Library code: nothing here prints or exits. */


enum st_ident_kind { ST_ID_NONE, ST_ID_ACTOR, ST_ID_NAME, ST_ID_SURNAME,
                     ST_ID_OTHER };

/* The identity of speaker: its key and the name to show for it (an
 * actor's name, the name without titles, or speaker as written) are
 * appended to key and name.  ST_ID_NONE for an empty speaker. */
enum st_ident_kind st_speaker_key(const struct st_actors *a,
                                  const char *speaker, struct st_buf *key,
                                  struct st_buf *name);
/* The same with speaker's actor already looked up: actor is
 * st_actors_find(a, speaker), or -1. */
enum st_ident_kind st_speaker_key_of(const struct st_actors *a,
                                     const char *speaker, int actor,
                                     struct st_buf *key, struct st_buf *name);

/* For keys[0..n) (from st_speaker_key), canon[i] gets the index of the
 * key that keys[i] resolves to (i itself when none): a surname to the one
 * full name with that last word, a full name to the longest with its
 * first and last words, ties to the first such key; names[] (the shown
 * names) decide which is longest. */
void st_speaker_merge(char *const *keys, char *const *names, size_t n,
                      size_t *canon);

/* One camp for n quotes of one person: out[k] is proportional to the
 * product over the quotes of prob[i * nlabels + k] (probabilities below
 * 1e-12 count as 1e-12), normalised to sum 1.  Returns the index of the
 * largest (the first on a tie). */
int st_combine_probs(const double *prob, size_t n, int nlabels, double *out);

/* What decided a quote labelled label: "actor NAME: ROLE (FROM-TO) CAMP"
 * when the speaker's or the role's actor has an affiliation of that camp
 * on date, else "role words" when role is not empty, else "text".
 * Appended to out. */
void st_evidence(const struct st_actors *a, const char *speaker,
                 const char *role, const char *date, const char *label,
                 struct st_buf *out);
/* The same with the actors looked up: speaker_actor is
 * st_actors_find(a, speaker) and role_actor st_actors_find_role(a, role),
 * or -1; has_role says whether the role is not empty. */
void st_evidence_of(const struct st_actors *a, int speaker_actor,
                    int role_actor, int has_role, const char *date,
                    const char *label, struct st_buf *out);

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
