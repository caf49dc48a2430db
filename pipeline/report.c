/* stance-report: quotes + predictions -> quotes.csv, articles.csv and
 * speakers.csv, merged in one streaming pass. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "extract/extract.h"
#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"
#include "report/report.h"
#include "core/core.h"

static const char usage[] =
"Usage: stance-report [OPTION]... QUOTES PREDICTIONS [QUOTES PREDICTIONS]...\n"
"Join each QUOTES file (from stance-tokenize) with its PREDICTIONS file\n"
"(from stance-classify: article,quote_id, then the prediction), joined on\n"
"article,quote_id (a quote without its prediction, a prediction without\n"
"its quote or a key given twice is an error), and write\n"
"the reports into the folder DIR, which is replaced whole (files of other\n"
"programs in it, such as plots/, are kept):\n"
"  quotes.csv    one row per quote: article,quote_id,paragraph,start,end,\n"
"                kind,speaker,role,quote,stance,confidence, then P(label)\n"
"                for every label, review (1 when confidence < 0.5),\n"
"                speaker_confidence (how sure the speaker is, 0 to 1,\n"
"                empty without one) and evidence (what decided the\n"
"                label: the actor's affiliation, role words or text)\n"
"  articles.csv  per article: its date and source, the number of quotes,\n"
"                and per label\n"
"  speakers.csv  per person: role, articles, quotes, quotes per label,\n"
"                the majority label, and the names it went by (variants)\n"
"One person's quotes in an article get one label, from their\n"
"probabilities combined (the P(label) columns stay per quote); a person\n"
"is the actor the dictionary knows, else the longest full name of the\n"
"batch that the name or surname resolves to, titles stripped.\n"
"  errors.csv    the articles that were skipped: article,line,message\n"
"Each QUOTES file must be in article then text order (as stance-tokenize\n"
"writes it for articles given in name order); the files are merged as they\n"
"are read, so memory does not grow with the number of quotes.\n"
"Text cells that a spreadsheet would run as a formula (=, +, -, @, tab,\n"
"CR first), label names included, start with an apostrophe; start and end\n"
"give the raw text.\n"
"\n"
"  -d, --dir=DIR         the reports folder (default: reports)\n"
"  -a, --articles=FILE   every article id of the run, one per line, so that\n"
"                        articles without quotes get their row in\n"
"                        articles.csv (by default: the name of a QUOTES file\n"
"                        that has no quotes)\n"
"  -e, --errors=FILE     a list of skipped articles from stance-tokenize\n"
"                        --errors (article,line,message); repeatable\n"
"  -s, --skipped=FILE    what the articles folder held besides articles,\n"
"                        from stance-shard --skipped (name,reason)\n"
"      --strict          fail on the first skipped article instead\n"
"      --excel           UTF-8 byte order mark and CRLF line ends, for Excel\n"
"      --xlsx=FILE       also write the workbook FILE: the three reports as\n"
"                        sheets (or, with --todo, the labelling sheet), text\n"
"                        as text, numbers as numbers, frozen headers,\n"
"                        autofilters\n"
"      --workbook        also write DIR/stance.xlsx, the reports as sheets,\n"
"                        with them in the new folder\n"
"      --article-dir=DIR the articles folder: with --todo and --xlsx, the\n"
"                        workbook gets each quote's sentence and paragraph;\n"
"                        an article without quotes gets its date and source\n"
"                        from its opening (else only a date its id begins\n"
"                        with)\n"
CLI_ACTORS_HELP
"      --per-quote       label each quote alone, not each person once per\n"
"                        article\n"
"  -q, --quiet           no progress on stderr (shown only on a terminal)\n"
"      --todo=FILE       instead of the reports, write a labelling sheet:\n"
"                        article,quote,speaker,role,stance,suggested,\n"
"                        confidence, stance empty, least confident first\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

struct speaker {
	char *key, *name, *role;
	char **var;		/* the names as written, in order */
	size_t nvar;
	long quotes, articles;
	long counts[ST_MAX_LABELS];
	double mass[ST_MAX_LABELS];
};

/* A quote of the article being written, with its prediction. */
#define arow st_pred

struct todo_row {
	char *article, *text, *speaker, *role, *sentence, *paragraph;
	int label;
	double conf;
	size_t order;
};

struct failure {
	char *article, *message, *where;
	long line;	/* 0 when no line is to blame (a file name) */
};

struct report {
	char *labels[ST_MAX_LABELS];
	int nlabels;
	struct st_csv_writer wq, wa, ws;
	/* the article being written: its quotes are held until it ends, so
	 * that one person's get one label */
	struct st_quotes art;	/* art.q[0..artn): slots are reused */
	size_t artn;
	struct arow *rows;
	size_t caprows;
	const struct st_actors *actors;
	int per_quote;

	/* every article id, in order: from --articles, read as needed, or
	 * the names of quotes files without quotes */
	FILE *ids_fp;
	const char *ids_path;
	char *line;
	size_t linecap;
	long ids_line;
	char *cur_id, *prev_id;
	char **ids;
	size_t nids, next_id;
	/* speakers.csv */
	struct st_map speaker_index;
	struct speaker *sp;
	size_t nsp, capsp;
	/* errors.csv: the articles skipped, left out of articles.csv */
	struct st_map failed;
	struct failure *fl;
	size_t nfl;
	long other_files, folders;	/* in the folder, not articles */
	long narticles;
	/* --todo */
	int todo;
	const char *article_dir;	/* --article-dir, or NULL */
	char *text_id;			/* the article held in text */
	struct st_buf text;
	struct todo_row *tr;
	size_t ntr, captr;
};

static void header(struct st_csv_writer *w, const struct report *r,
                   const char *const *first, int with_p)
{
	int k;

	for (; *first; first++)
		st_csv_put(w, *first);
	for (k = 0; k < r->nlabels; k++) {
		if (with_p) {
			char *col = cli_prob_column(r->labels[k]);
			st_csv_put(w, col);
			free(col);
		} else {
			st_csv_put(w, r->labels[k]);
		}
	}
}

static void article_row(struct report *r, const char *id, const char *date,
                        const char *source, const long *counts, long n)
{
	char d[11], src[64];
	int k;

	r->narticles++;
	if (!date) {
		/* no quotes carry them: from the article's opening when
		 * --article-dir names its folder (a dateline is in the first few
		 * kilobytes), else from the id alone */
		char head[8192];
		size_t len = 0;

		if (r->article_dir) {
			struct st_buf path = ST_BUF_INIT;
			FILE *fp;

			st_buf_addf(&path, "%s/%s.txt", r->article_dir, id);
			fp = fopen(path.s, "rb");
			if (fp) {
				len = fread(head, 1, sizeof head, fp);
				fclose(fp);
			}
			st_buf_finish(&path);
		}
		st_article_date(id, head, len, d, src, sizeof src);
		date = d;
		source = src;
	}
	st_csv_put(&r->wa, id);
	st_csv_put(&r->wa, date);
	st_csv_put(&r->wa, source);
	st_csv_putl(&r->wa, n);
	for (k = 0; k < r->nlabels; k++)
		st_csv_putl(&r->wa, counts ? counts[k] : 0);
	st_csv_endrow(&r->wa);
}

/* The next article id of the run, or NULL at the end; ids come sorted
 * and a repeated id is passed over. */
static int next_id(struct report *r, struct st_error *err)
{
	free(r->prev_id);
	r->prev_id = r->cur_id;
	r->cur_id = NULL;
	for (;;) {
		if (r->ids_fp) {
			ssize_t n = getline(&r->line, &r->linecap, r->ids_fp);

			if (n < 0)
				return ferror(r->ids_fp)
				       ? st_fail(err, r->ids_path, r->ids_line,
				                 "read error: %s", strerror(errno))
				       : 0;
			r->ids_line++;
			while (n && (r->line[n - 1] == '\n' ||
			             r->line[n - 1] == '\r'))
				r->line[--n] = '\0';
			if (!n)
				continue;
			r->cur_id = st_xstrdup(r->line);
		} else {
			if (r->next_id == r->nids)
				return 0;
			r->cur_id = st_xstrdup(r->ids[r->next_id++]);
		}
		if (st_map_get(&r->failed, r->cur_id)) {
			free(r->cur_id);	/* skipped: in errors.csv */
			r->cur_id = NULL;
			continue;
		}
		if (!r->prev_id || strcmp(r->prev_id, r->cur_id) < 0)
			return 0;
		if (strcmp(r->prev_id, r->cur_id) > 0)
			return st_fail(err, r->ids_path, r->ids_line,
			               "article ids out of order ('%s' after "
			               "'%s')", r->cur_id, r->prev_id);
		free(r->cur_id);	/* the same id again */
		r->cur_id = NULL;
	}
}

/* Rows, with no quotes, for the ids that sort before id (or all, for
 * NULL); an id equal to id is passed over. */
static int articles_before(struct report *r, const char *id,
                           struct st_error *err)
{
	while (r->cur_id) {
		int c = id ? strcmp(r->cur_id, id) : -1;

		if (c > 0)
			break;
		if (c < 0)
			article_row(r, r->cur_id, NULL, NULL, NULL, 0);
		if (next_id(r, err))
			return -1;
	}
	return 0;
}

/* The speakers.csv entry of identity key (shown as name), made when
 * new. */
static struct speaker *speaker_of(struct report *r, const char *key,
                                  const char *name)
{
	int *slot = st_map_put(&r->speaker_index, key, (int)r->nsp);
	struct speaker *sp;

	if (*slot == (int)r->nsp) {
		if (r->nsp == r->capsp) {
			r->capsp = r->capsp ? r->capsp * 2 : 64;
			r->sp = st_xrealloc(r->sp, r->capsp * sizeof *r->sp);
		}
		memset(&r->sp[r->nsp], 0, sizeof r->sp[r->nsp]);
		r->sp[r->nsp].key = st_xstrdup(key);
		r->sp[r->nsp].name = st_xstrdup(name);
		r->nsp++;
	}
	sp = &r->sp[*slot];
	if (strlen(name) > strlen(sp->name)) {
		free(sp->name);
		sp->name = st_xstrdup(name);
	}
	return sp;
}

/* Add name to the speaker's variants unless it is there. */
static void add_variant(struct speaker *sp, const char *name)
{
	size_t k;

	for (k = 0; k < sp->nvar; k++)
		if (strcmp(sp->var[k], name) == 0)
			return;
	sp->var = st_xrealloc(sp->var, (sp->nvar + 1) * sizeof *sp->var);
	sp->var[sp->nvar++] = st_xstrdup(name);
}

/* Write the held article: one label per person (unless --per-quote),
 * its quote rows, its articles.csv row, and its people's counts.  Work
 * that depends only on the speaker (or speaker, role and label) is done
 * once per article for each, as one person is quoted again and again. */
static void finish_article(struct report *r)
{
	struct st_quotes *a = &r->art;
	size_t n = r->artn, i, j, g;
	char **keys, **names, **evs;
	int *sp_actor, *role_actor;
	size_t *canon, *order, *start;
	double *probs, comb[ST_MAX_LABELS];
	long counts[ST_MAX_LABELS] = { 0 };
	struct st_buf key = ST_BUF_INIT, name = ST_BUF_INIT, ev = ST_BUF_INIT;
	struct st_map seen;
	int k;

	if (!n)
		return;
	keys = st_xcalloc(n, sizeof *keys);
	names = st_xcalloc(n, sizeof *names);
	evs = st_xcalloc(n, sizeof *evs);
	sp_actor = st_xmalloc(n * sizeof *sp_actor);
	role_actor = st_xmalloc(n * sizeof *role_actor);
	canon = st_xmalloc(n * sizeof *canon);
	order = st_xmalloc(n * sizeof *order);
	start = st_xcalloc(n + 1, sizeof *start);
	probs = st_xmalloc(n * (size_t)r->nlabels * sizeof *probs);
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		int *slot = st_map_put(&seen, a->q[i].speaker, (int)i);

		if (*slot != (int)i) {
			keys[i] = st_xstrdup(keys[*slot]);
			names[i] = st_xstrdup(names[*slot]);
			sp_actor[i] = sp_actor[*slot];
			continue;
		}
		sp_actor[i] = a->q[i].speaker[0]
		              ? st_actors_find(r->actors, a->q[i].speaker) : -1;
		st_buf_reset(&key);
		st_buf_reset(&name);
		st_speaker_key_of(r->actors, a->q[i].speaker, sp_actor[i], &key,
		                  &name);
		keys[i] = st_xstrdup(key.s ? key.s : "");
		names[i] = st_xstrdup(name.s ? name.s : "");
	}
	st_map_finish(&seen);
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		int *slot = st_map_put(&seen, a->q[i].role, (int)i);

		role_actor[i] = *slot != (int)i ? role_actor[*slot]
		                : a->q[i].role[0]
		                ? st_actors_find_role(r->actors, a->q[i].role) : -1;
	}
	st_speaker_merge(keys, names, n, canon);
	/* the quotes by person: order[start[g]..start[g + 1]) are those
	 * whose canon is g, in text order (a counting sort) */
	for (i = 0; i < n; i++)
		start[canon[i] + 1]++;
	for (g = 0; g < n; g++)
		start[g + 1] += start[g];
	{
		size_t *fill = st_xmalloc(n * sizeof *fill);

		memcpy(fill, start, n * sizeof *fill);
		for (i = 0; i < n; i++)
			order[fill[canon[i]]++] = i;
		free(fill);
	}
	/* a person's quotes: their probabilities combined */
	for (g = 0; g < n && !r->per_quote; g++) {
		size_t m = start[g + 1] - start[g];

		if (m < 2 || !keys[g][0] || keys[g][0] == 'R')
			continue;
		for (j = 0; j < m; j++)
			memcpy(probs + j * (size_t)r->nlabels,
			       r->rows[order[start[g] + j]].prob,
			       (size_t)r->nlabels * sizeof *probs);
		k = st_combine_probs(probs, m, r->nlabels, comb);
		for (j = 0; j < m; j++) {
			r->rows[order[start[g] + j]].label = k;
			r->rows[order[start[g] + j]].conf = comb[k];
		}
	}
	st_map_finish(&seen);
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		const struct st_quote *q = &a->q[i];
		const struct arow *w = &r->rows[i];
		struct st_csv_writer *cw = &r->wq;
		char id[32];
		int *slot;

		snprintf(id, sizeof id, "q%d", q->id);
		st_csv_put(cw, a->q[0].article);
		st_csv_putraw(cw, id);
		st_csv_putl(cw, q->paragraph);
		st_csv_putl(cw, (long)q->start);
		st_csv_putl(cw, (long)q->end);
		st_csv_putraw(cw, q->kind == ST_FULL ? "full" : "partial");
		st_csv_put(cw, q->speaker);
		st_csv_put(cw, q->role);
		st_csv_put(cw, q->text);
		st_csv_put(cw, r->labels[w->label]);
		st_csv_putd(cw, w->conf, 4);
		for (k = 0; k < r->nlabels; k++)
			st_csv_putd(cw, w->prob[k], 4);
		st_csv_putl(cw, w->conf < 0.5);
		if (q->speaker[0] && q->speaker_confidence >= 0)
			st_csv_putd(cw, q->speaker_confidence, 1);
		else
			st_csv_putraw(cw, "");
		st_buf_reset(&key);
		st_buf_adds(&key, q->speaker);
		st_buf_addc(&key, '\037');
		st_buf_adds(&key, q->role);
		st_buf_addc(&key, '\037');
		st_buf_adds(&key, r->labels[w->label]);
		slot = st_map_put(&seen, key.s, (int)i);
		if (*slot == (int)i) {
			st_buf_reset(&ev);
			st_evidence_of(r->actors, sp_actor[i], role_actor[i],
			               q->role[0] != '\0', q->date,
			               r->labels[w->label], &ev);
			evs[i] = st_xstrdup(ev.s ? ev.s : "");
		}
		st_csv_put(cw, evs[*slot]);
		st_csv_endrow(cw);
		counts[w->label]++;
	}
	article_row(r, a->q[0].article, a->q[0].date, a->q[0].source, counts,
	            (long)n);
	/* each person once per article */
	for (g = 0; g < n; g++) {
		struct speaker *sp;

		if (start[g + 1] == start[g] || !keys[g][0])
			continue;
		sp = speaker_of(r, keys[g], names[g]);
		sp->articles++;
		for (j = start[g]; j < start[g + 1]; j++) {
			i = order[j];
			add_variant(sp, a->q[i].speaker);
			if (!sp->role && a->q[i].role[0])
				sp->role = st_xstrdup(a->q[i].role);
			sp->quotes++;
			sp->counts[r->rows[i].label]++;
			for (k = 0; k < r->nlabels; k++)
				sp->mass[k] += r->rows[i].prob[k];
		}
	}
	for (i = 0; i < n; i++) {
		free(keys[i]);
		free(names[i]);
		free(evs[i]);
	}
	free(keys);
	free(names);
	free(evs);
	free(sp_actor);
	free(role_actor);
	free(canon);
	free(order);
	free(start);
	free(probs);
	st_map_finish(&seen);
	st_buf_finish(&key);
	st_buf_finish(&name);
	st_buf_finish(&ev);
	r->artn = 0;
}

/* The sentence and the paragraph of quote q, from its article in
 * --article-dir (read once per article: quotes come in article order). */
static int around(struct report *r, const struct st_quote *q,
                  struct todo_row *t, struct st_error *err)
{
	size_t sb, se, pb, pe;

	if (!r->text_id || strcmp(r->text_id, q->article)) {
		struct st_buf path = ST_BUF_INIT;
		struct st_error e;
		int bad;

		free(r->text_id);
		r->text_id = st_xstrdup(q->article);
		st_buf_addf(&path, "%s/%s.txt", r->article_dir, q->article);
		bad = st_read_file(path.s, &r->text, &e);
		if (bad)
			st_fail(err, r->article_dir, 0, "%s: %s", path.s, e.msg);
		st_buf_finish(&path);
		if (bad)
			return -1;
	}
	st_text_around(r->text.s, r->text.len, q->start, q->end, &sb, &se,
	               &pb, &pe);
	t->sentence = st_xstrndup(r->text.s + sb, se - sb);
	t->paragraph = st_xstrndup(r->text.s + pb, pe - pb);
	return 0;
}

/* The labelling workbook: the rows of the CSV sheet, in its order. */
static int write_todo_xlsx(const char *path, struct report *r,
                           struct st_error *err)
{
	struct st_todo_row *rows = st_xcalloc(r->ntr ? r->ntr : 1,
	                                      sizeof *rows);
	size_t i;
	int rc;

	for (i = 0; i < r->ntr; i++) {
		const struct todo_row *t = &r->tr[i];

		rows[i].article = t->article;
		rows[i].quote = t->text;
		rows[i].speaker = t->speaker;
		rows[i].role = t->role;
		rows[i].suggested = r->labels[t->label];
		rows[i].confidence = t->conf;
		rows[i].sentence = t->sentence ? t->sentence : "";
		rows[i].paragraph = t->paragraph ? t->paragraph : "";
	}
	rc = st_sheet_write_todo(path, rows, r->ntr, r->labels, r->nlabels,
	                         err);
	free(rows);
	return rc;
}

static int quote_row(struct report *r, struct st_quote *q,
                     const struct st_pred *p, struct st_error *err)
{
	if (r->todo) {
		struct todo_row *t;

		if (r->ntr == r->captr) {
			r->captr = r->captr ? r->captr * 2 : 256;
			r->tr = st_xrealloc(r->tr, r->captr * sizeof *r->tr);
		}
		t = &r->tr[r->ntr];
		t->article = st_xstrdup(q->article);
		t->text = st_xstrdup(q->text);
		t->speaker = st_xstrdup(q->speaker);
		t->role = st_xstrdup(q->role);
		t->label = p->label;
		t->conf = p->conf;
		t->sentence = t->paragraph = NULL;
		if (r->article_dir && around(r, q, t, err))
			return -1;
		t->order = r->ntr++;
		return 0;
	}
	if (r->artn && strcmp(r->art.q[0].article, q->article))
		finish_article(r);
	if (!r->artn && articles_before(r, q->article, err))
		return -1;
	{
		struct st_quote *c;
		char *t;

		if (r->artn == r->art.n)
			st_quotes_add(&r->art);
		c = &r->art.q[r->artn++];
		c->id = q->id;
		c->paragraph = q->paragraph;
		c->start = q->start;
		c->end = q->end;
		c->kind = q->kind;
		c->speaker_confidence = q->speaker_confidence;
		if (r->artn == 1)	/* the article's id, once */
			st_set(&c->article, q->article, strlen(q->article));
		/* the strings change hands, not bytes: the reader replaces
		 * its own at the next quote (the id stays, for the order
		 * check) */
#define SWAP(f) (t = c->f, c->f = q->f, q->f = t)
		SWAP(speaker);
		SWAP(role);
		SWAP(text);
		SWAP(date);
		SWAP(source);
#undef SWAP
	}
	if (r->art.n > r->caprows) {
		r->caprows = r->art.cap;
		r->rows = st_xrealloc(r->rows, r->caprows * sizeof *r->rows);
	}
	r->rows[r->artn - 1].label = p->label;
	r->rows[r->artn - 1].conf = p->conf;
	memcpy(r->rows[r->artn - 1].prob, p->prob, sizeof p->prob);
	return 0;
}

static int cmp_speaker(const void *a, const void *b)
{
	const struct speaker *x = a, *y = b;

	if (x->quotes != y->quotes)
		return x->quotes > y->quotes ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The batch's people: each entry merged into the one its identity
 * resolves to (a surname into the one full name with it, a full name into
 * the longest with its first and last words), then written. */
static void write_speakers(struct report *r)
{
	static const char *const cols[] = { "speaker", "role", "articles",
		"quotes", NULL };
	struct st_csv_writer *w = &r->ws;
	struct st_buf v = ST_BUF_INIT;
	char **keys = st_xmalloc((r->nsp ? r->nsp : 1) * sizeof *keys);
	char **names = st_xmalloc((r->nsp ? r->nsp : 1) * sizeof *names);
	size_t *canon = st_xmalloc((r->nsp ? r->nsp : 1) * sizeof *canon);
	size_t i, j, kept = 0;
	int k;

	for (i = 0; i < r->nsp; i++) {
		keys[i] = r->sp[i].key;
		names[i] = r->sp[i].name;
	}
	st_speaker_merge(keys, names, r->nsp, canon);
	for (i = 0; i < r->nsp; i++) {
		struct speaker *from = &r->sp[i], *to = &r->sp[canon[i]];

		if (canon[i] == i)
			continue;
		to->quotes += from->quotes;
		to->articles += from->articles;
		for (k = 0; k < r->nlabels; k++) {
			to->counts[k] += from->counts[k];
			to->mass[k] += from->mass[k];
		}
		for (j = 0; j < from->nvar; j++)
			add_variant(to, from->var[j]);
		if (!to->role && from->role) {
			to->role = from->role;
			from->role = NULL;
		}
		from->quotes = 0;	/* merged: not written */
	}
	free(keys);
	free(names);
	free(canon);
	for (i = 0; i < r->nsp; i++) {
		if (r->sp[i].quotes)
			r->sp[kept++] = r->sp[i];
		else {
			free(r->sp[i].key);
			free(r->sp[i].name);
			free(r->sp[i].role);
			for (j = 0; j < r->sp[i].nvar; j++)
				free(r->sp[i].var[j]);
			free(r->sp[i].var);
		}
	}
	r->nsp = kept;
	if (r->nsp)
		qsort(r->sp, r->nsp, sizeof *r->sp, cmp_speaker);
	header(w, r, cols, 0);
	st_csv_put(w, "majority");
	st_csv_put(w, "variants");
	st_csv_endrow(w);
	for (i = 0; i < r->nsp; i++) {
		const struct speaker *sp = &r->sp[i];
		int best = 0;

		/* most quotes; a tie goes to the larger total probability */
		for (k = 1; k < r->nlabels; k++)
			if (sp->counts[k] > sp->counts[best] ||
			    (sp->counts[k] == sp->counts[best] &&
			     sp->mass[k] > sp->mass[best] + 1e-12))
				best = k;
		st_csv_put(w, sp->name);
		st_csv_put(w, sp->role ? sp->role : "");
		st_csv_putl(w, sp->articles);
		st_csv_putl(w, sp->quotes);
		for (k = 0; k < r->nlabels; k++)
			st_csv_putl(w, sp->counts[k]);
		st_csv_put(w, r->labels[best]);
		st_buf_reset(&v);
		for (j = 0; j < sp->nvar; j++)
			st_buf_addf(&v, "%s%s", j ? "|" : "", sp->var[j]);
		st_csv_put(w, v.s ? v.s : "");
		st_csv_endrow(w);
	}
	st_buf_finish(&v);
}

static int cmp_todo(const void *a, const void *b)
{
	const struct todo_row *x = a, *y = b;

	if (x->conf != y->conf)
		return x->conf < y->conf ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* The sheet a person labels: stance left empty for them, the model's
 * guess beside it, the quotes it is least sure of first. */
static void write_todo(FILE *fp, struct report *r, int excel)
{
	static const char *const cols[] = { "article", "quote", "speaker",
		"role", "stance", "suggested", "confidence", NULL };
	struct st_csv_writer w;
	size_t i;

	if (r->ntr)
		qsort(r->tr, r->ntr, sizeof *r->tr, cmp_todo);
	st_csv_writer_init(&w, fp, excel, 1);
	for (i = 0; cols[i]; i++)
		st_csv_put(&w, cols[i]);
	st_csv_endrow(&w);
	for (i = 0; i < r->ntr; i++) {
		const struct todo_row *t = &r->tr[i];

		st_csv_put(&w, t->article);
		st_csv_put(&w, t->text);
		st_csv_put(&w, t->speaker);
		st_csv_put(&w, t->role);
		st_csv_put(&w, "");
		st_csv_put(&w, r->labels[t->label]);
		st_csv_putd(&w, t->conf, 4);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

static void add_failure(struct report *r, const char *article, long line,
                        const char *message, const char *where)
{
	struct failure *f;

	if (st_map_get(&r->failed, article))
		return;
	st_map_put(&r->failed, article, 1);
	r->fl = st_xrealloc(r->fl, (r->nfl + 1) * sizeof *r->fl);
	f = &r->fl[r->nfl++];
	f->article = st_xstrdup(article);
	f->message = st_xstrdup(message);
	f->where = st_xstrdup(where);
	f->line = line;
}

/* Read a CSV file whose header starts with the columns cols[0..ncols),
 * calling fn on every further row. */
static int read_list(struct report *r, const char *path,
                     const char *const *cols, int ncols,
                     int (*fn)(struct report *, const struct st_csv_row *,
                               const char *, struct st_error *),
                     struct st_error *err)
{
	struct st_csv_reader *cr = st_csv_reader_open(path, err);
	const struct st_csv_row *row;
	int rc = -1, got, k;

	if (!cr)
		return -1;
	got = st_csv_next(cr, &row, err);
	if (got < 0)
		goto out;
	if (got == 0) {
		st_fail(err, path, 1, "empty file: no header");
		goto out;
	}
	for (k = 0; k < ncols; k++)
		if ((size_t)k >= row->n || strcmp(row->field[k], cols[k])) {
			st_fail(err, path, row->line, "expected the columns %s,%s",
			        cols[0], cols[1]);
			goto out;
		}
	while ((got = st_csv_next(cr, &row, err)) > 0) {
		if (row->n < (size_t)ncols) {
			st_fail(err, path, row->line, "expected %d fields", ncols);
			goto out;
		}
		if (fn(r, row, path, err))
			goto out;
	}
	rc = got < 0 ? -1 : 0;
out:
	st_csv_reader_close(cr);
	return rc;
}

static int error_row(struct report *r, const struct st_csv_row *row,
                     const char *path, struct st_error *err)
{
	long line;

	if (st_parse_long(row->field[1], &line) || line < 0)
		return st_fail(err, path, row->line, "bad line number '%s'",
		               row->field[1]);
	add_failure(r, row->field[0], line, row->field[2],
	            row->n > 3 && row->field[3][0] ? row->field[3] : path);
	return 0;
}

static int skipped_row(struct report *r, const struct st_csv_row *row,
                       const char *path, struct st_error *err)
{
	const char *name = row->field[0], *why = row->field[1];
	size_t n = strlen(name);

	(void)err;
	(void)path;
	if (!strcmp(why, "folder"))
		r->folders++;
	else if (n > 4 && !strcmp(name + n - 4, ".txt")) {
		/* an article whose name cannot be used, or a file that
		 * cannot be read */
		char *id = st_xstrndup(name, n - 4);
		add_failure(r, id, 0, why, name);
		free(id);
	} else {
		r->other_files++;
	}
	return 0;
}

static int cmp_failure(const void *a, const void *b)
{
	return strcmp(((const struct failure *)a)->article,
	              ((const struct failure *)b)->article);
}

static void write_errors(FILE *fp, struct report *r, int excel)
{
	struct st_csv_writer w;
	size_t i;

	if (r->nfl)
		qsort(r->fl, r->nfl, sizeof *r->fl, cmp_failure);
	st_csv_writer_init(&w, fp, excel, 1);
	st_csv_put(&w, "article");
	st_csv_put(&w, "line");
	st_csv_put(&w, "message");
	st_csv_endrow(&w);
	for (i = 0; i < r->nfl; i++) {
		st_csv_put(&w, r->fl[i].article);
		if (r->fl[i].line > 0)
			st_csv_putl(&w, r->fl[i].line);
		else
			st_csv_putraw(&w, "");
		st_csv_put(&w, r->fl[i].message);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
	struct st_buf b = ST_BUF_INIT;
	st_buf_addf(&b, "%s/%s", dir, name);
	return st_buf_detach(&b);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "articles", required_argument, NULL, 'a' },
		{ "excel", no_argument, NULL, 'x' },
		{ "errors", required_argument, NULL, 'e' },
		{ "skipped", required_argument, NULL, 's' },
		{ "strict", no_argument, NULL, 'S' },
		{ "actors", required_argument, NULL, 'C' },
		{ "per-quote", no_argument, NULL, 'P' },
		{ "todo", required_argument, NULL, 't' },
		{ "xlsx", required_argument, NULL, 'X' },
		{ "workbook", no_argument, NULL, 'W' },
		{ "article-dir", required_argument, NULL, 'A' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const names[] = { "quotes.csv", "articles.csv",
		"speakers.csv", "errors.csv", "stance.xlsx", NULL };
	static const char *const ecols[] = { "article", "line", "message" };
	static const char *const scols[] = { "name", "reason" };
	static const char *const qcols[] = { "article", "quote_id",
		"paragraph", "start", "end", "kind", "speaker", "role", "quote",
		"stance", "confidence", NULL };
	static const char *const acols[] = { "article", "date", "source",
		"quotes", NULL };
	struct st_actors *actors = NULL;
	const char *dir = "reports", *todo = NULL, *ids_path = NULL,
		*xlsx = NULL;
	struct report rep = { 0 };
	struct st_merge *mg = NULL;
	struct st_quote *q;
	struct st_pred pred;
	char **qpaths = NULL, **ppaths = NULL;
	struct st_error err = { 0 };
	struct st_out out[4];
	struct st_stage stage = { NULL, NULL };
	char *paths[4] = { NULL, NULL, NULL, NULL };
	const char **elists = NULL, *skipped = NULL;
	int nelists = 0, strict = 0, workbook = 0;
	int c, i, k, rc = EXIT_DATA, npairs = 0, excel = 0, quiet = 0;
	struct cli_progress prog;

	cli_init(argv, "stance-report");
	while ((c = getopt_long(argc, argv, "d:a:e:s:qhV", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			elists = st_xrealloc(elists, (size_t)(nelists + 1) *
			                     sizeof *elists);
			elists[nelists++] = optarg;
			break;
		case 's': skipped = optarg; break;
		case 'S': strict = 1; break;
		case 'q': quiet = 1; break;
		case 'd': dir = optarg; break;
		case 'a': ids_path = optarg; break;
		case 'x': excel = 1; break;
		case 'C': cli_add_actors(optarg); break;
		case 'P': rep.per_quote = 1; break;
		case 'X': xlsx = optarg; break;
		case 'W': workbook = 1; break;
		case 'A': rep.article_dir = optarg; break;
		case 't': todo = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (optind == argc || (argc - optind) % 2)
		cli_usage_error("expected pairs of QUOTES and PREDICTIONS files");
	npairs = (argc - optind) / 2;
	{
		/* every pair stays open during the merge: a run of many
		 * batches needs more than the usual 1024 descriptors */
		struct rlimit rl;

		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
		    rl.rlim_cur != RLIM_INFINITY &&
		    rl.rlim_cur < (rlim_t)npairs * 2 + 16) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}
	memset(out, 0, sizeof out);
	st_map_init(&rep.speaker_index);
	st_map_init(&rep.failed);
	st_quotes_init(&rep.art);
	rep.todo = todo != NULL;
	qpaths = st_xcalloc((size_t)npairs, sizeof *qpaths);
	ppaths = st_xcalloc((size_t)npairs, sizeof *ppaths);
	for (i = 0; i < npairs; i++) {
		qpaths[i] = argv[optind + 2 * i];
		ppaths[i] = argv[optind + 2 * i + 1];
	}
	st_out_install_signals();
	actors = cli_load_actors(&err);
	if (!actors)
		goto fail;
	rep.actors = actors;
	if (ids_path) {
		rep.ids_path = ids_path;
		rep.ids_fp = fopen(ids_path, "rb");
		if (!rep.ids_fp) {
			st_fail(&err, ids_path, 0, "cannot open: %s",
			        strerror(errno));
			goto fail;
		}
	}
	/* the articles skipped come first: they are left out of the rest */
	for (i = 0; i < nelists; i++)
		if (read_list(&rep, elists[i], ecols, 3, error_row, &err))
			goto fail;
	if (skipped && read_list(&rep, skipped, scols, 2, skipped_row, &err))
		goto fail;
	if (strict && rep.nfl) {
		qsort(rep.fl, rep.nfl, sizeof *rep.fl, cmp_failure);
		st_fail(&err, rep.fl[0].where, rep.fl[0].line, "%s (%zu "
		        "article%s cannot be read; without --strict they are "
		        "skipped)", rep.fl[0].message, rep.nfl,
		        rep.nfl == 1 ? "" : "s");
		goto fail;
	}
	mg = st_merge_open(qpaths, ppaths, (size_t)npairs, &err);
	if (!mg)
		goto fail;
	{
		char *const *labels = st_merge_labels(mg, &rep.nlabels);

		for (k = 0; k < rep.nlabels; k++)
			rep.labels[k] = st_xstrdup(labels[k]);
	}
	if (!todo) {
		/* written into a new folder, swapped in whole at the end */
		if (st_stage_open(&stage, dir, names, &err))
			goto fail;
		for (k = 0; k < 4; k++) {
			paths[k] = join(stage.path, names[k]);
			if (st_out_open(&out[k], paths[k], &err))
				goto fail;
		}
		st_csv_writer_init(&rep.wq, out[0].fp, excel, 1);
		st_csv_writer_init(&rep.wa, out[1].fp, excel, 1);
		st_csv_writer_init(&rep.ws, out[2].fp, excel, 1);
		header(&rep.wq, &rep, qcols, 1);
		st_csv_put(&rep.wq, "review");
		st_csv_put(&rep.wq, "speaker_confidence");
		st_csv_put(&rep.wq, "evidence");
		st_csv_endrow(&rep.wq);
		header(&rep.wa, &rep, acols, 0);
		st_csv_endrow(&rep.wa);
	}
	/* by default a quotes file without quotes stands for its article */
	if (!ids_path)
		for (i = 0; i < npairs; i++)
			if (st_merge_empty(mg, (size_t)i)) {
				rep.ids = st_xrealloc(rep.ids, (rep.nids + 1) *
				                      sizeof *rep.ids);
				rep.ids[rep.nids++] = cli_article_id_csv(qpaths[i]);
			}
	if (!ids_path && rep.nids)
		qsort(rep.ids, rep.nids, sizeof *rep.ids, cmp_str);
	if (next_id(&rep, &err))
		goto fail;
	cli_progress_init(&prog, quiet, "quotes", -1);
	while ((c = st_merge_next(mg, &q, &pred, &err)) == 1) {
		if (quote_row(&rep, q, &pred, &err))
			goto fail;
		cli_progress_step(&prog, 1);
	}
	if (c < 0)
		goto fail;
	cli_progress_end(&prog);
	if (todo) {
		if (st_out_open(&out[0], todo, &err))
			goto fail;
		write_todo(out[0].fp, &rep, excel);
		if (st_out_commit(&out[0], &err))
			goto fail;
		if (xlsx && write_todo_xlsx(xlsx, &rep, &err))
			goto fail;
		rc = EXIT_OK;
		goto out;
	}
	finish_article(&rep);
	if (articles_before(&rep, NULL, &err))
		goto fail;
	write_speakers(&rep);
	write_errors(out[3].fp, &rep, excel);
	for (k = 0; k < 4; k++)
		if (st_out_commit(&out[k], &err))
			goto fail;
	/* the workbook is one more report: written into the stage, from the
	 * reports there */
	if (workbook) {
		char *wb = join(stage.path, "stance.xlsx");
		int bad = st_sheet_write_reports(stage.path, wb, &err);

		free(wb);
		if (bad)
			goto fail;
	}
	if (st_stage_commit(&stage, ST_STAGE_CARRY, &err))
		goto fail;
	if (rep.nfl || rep.other_files || rep.folders) {
		/* one line for the whole batch */
		fprintf(stderr, "%s: %ld article%s reported", cli_prog,
		        rep.narticles, rep.narticles == 1 ? "" : "s");
		if (rep.nfl)
			fprintf(stderr, ", %zu skipped (listed in %s/errors.csv)",
			        rep.nfl, dir);
		if (rep.other_files)
			fprintf(stderr, ", %ld file%s not named *.txt left out",
			        rep.other_files, rep.other_files == 1 ? "" : "s");
		if (rep.folders)
			fprintf(stderr, ", %ld folder%s left out", rep.folders,
			        rep.folders == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	if (xlsx && st_sheet_write_reports(dir, xlsx, &err))
		goto fail;
	rc = EXIT_OK;
	goto out;
fail:
	for (k = 0; k < 4; k++)
		st_out_abort(&out[k]);
	cli_error(&err);
out:
	st_stage_abort(&stage);
	free(elists);
	for (size_t j = 0; j < rep.nfl; j++) {
		free(rep.fl[j].article);
		free(rep.fl[j].message);
		free(rep.fl[j].where);
	}
	free(rep.fl);
	st_map_finish(&rep.failed);
	st_merge_free(mg);
	free(qpaths);
	free(ppaths);
	for (k = 0; k < rep.nlabels; k++)
		free(rep.labels[k]);
	for (k = 0; k < 4; k++)
		free(paths[k]);
	st_quotes_finish(&rep.art);
	free(rep.rows);
	st_actors_free(actors);
	for (size_t j = 0; j < rep.nids; j++)
		free(rep.ids[j]);
	free(rep.ids);
	free(rep.cur_id);
	free(rep.prev_id);
	free(rep.line);
	if (rep.ids_fp)
		fclose(rep.ids_fp);
	for (size_t j = 0; j < rep.nsp; j++) {
		free(rep.sp[j].key);
		free(rep.sp[j].name);
		free(rep.sp[j].role);
		for (size_t v = 0; v < rep.sp[j].nvar; v++)
			free(rep.sp[j].var[v]);
		free(rep.sp[j].var);
	}
	free(rep.sp);
	for (size_t j = 0; j < rep.ntr; j++) {
		free(rep.tr[j].article);
		free(rep.tr[j].text);
		free(rep.tr[j].speaker);
		free(rep.tr[j].role);
		free(rep.tr[j].sentence);
		free(rep.tr[j].paragraph);
	}
	free(rep.tr);
	free(rep.text_id);
	st_buf_finish(&rep.text);
	st_map_finish(&rep.speaker_index);
	st_csv_writer_finish(&rep.wq);
	st_csv_writer_finish(&rep.wa);
	st_csv_writer_finish(&rep.ws);
	return rc;
}
