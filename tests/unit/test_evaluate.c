/* test_evaluate.c - stance-eval's runs and files (evaluate.c,
 * evalfiles.c), on invented quotes from ten articles. */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "learn/learn.h"
#include "suites.h"

static char *const labels2[] = { "yes", "no" };

/* Twenty quotes, two per article, one speaker an article; a camp's quotes
 * share their words, so that any model tells them apart. */
static void quotes(struct st_quotes *qs)
{
	size_t i;

	st_quotes_init(qs);
	for (i = 0; i < 20; i++) {
		struct st_quote *q = st_quotes_add(qs);
		int yes = (i / 2) % 2 == 0;
		char art[16], who[16];
		const char *text = yes ? "we must stay in the alliance"
		                       : "we must leave the alliance now";
		const char *role = yes ? "loyal deputy" : "reform minister";

		snprintf(art, sizeof art, "a%zu", i / 2);
		snprintf(who, sizeof who, "Speaker %zu", i / 2);
		q->id = (int)(i % 2) + 1;
		st_set(&q->article, art, strlen(art));
		st_set(&q->speaker, who, strlen(who));
		st_set(&q->text, text, strlen(text));
		st_set(&q->role, role, strlen(role));
		st_set(&q->context, "said", 4);
		st_set(&q->stance, labels2[!yes], strlen(labels2[!yes]));
	}
}

static void small_opts(struct st_eval_opts *o)
{
	st_eval_opts_init(o);
	o->train.C = 1;		/* no grid search: quick */
	o->train.min_df = 1;
	o->folds = 2;
	o->repeats = 2;
	o->ablation = 0;
}

static int steps;

static void count_step(int done, int total, void *arg)
{
	ck_assert_int_eq(done, ++steps);
	ck_assert_int_eq(total, *(int *)arg);
}

/* Lines of a stream, rewound first. */
static int lines_of(FILE *fp, char *first, size_t size)
{
	char line[4096];
	int n = 0;

	rewind(fp);
	while (fgets(line, sizeof line, fp)) {
		if (n++ == 0)
			snprintf(first, size, "%s", line);
	}
	return n;
}

START_TEST(test_eval_runs)
{
	struct st_eval_opts o;

	st_eval_opts_init(&o);
	ck_assert_int_eq(o.folds, 5);
	ck_assert_int_eq(o.repeats, 3);
	/* four models and six of the default groups left out, one with
	 * chars, by article; four by speaker */
	ck_assert_int_eq(st_eval_runs(&o), 4 + 6 + 1 + 4);
	o.ablation = 0;
	ck_assert_int_eq(st_eval_runs(&o), 8);
}
END_TEST

START_TEST(test_evaluate_results)
{
	struct st_quotes qs;
	struct st_eval_opts o;
	struct st_eval ev;
	struct st_error err;
	int total, i;
	size_t j;

	quotes(&qs);
	small_opts(&o);
	total = st_eval_runs(&o);
	steps = 0;
	o.progress = count_step;
	o.progress_arg = &total;
	ck_assert_msg(st_evaluate(&ev, &qs, labels2, 2, &o, &err) == 0, "%s",
	              err.msg);
	ck_assert_int_eq(steps, total);
	ck_assert_int_eq(ev.n, 8);
	ck_assert_int_eq(ev.nmodels, 4);
	ck_assert_str_eq(ev.r[0].model, "full");
	ck_assert_str_eq(ev.r[1].model, "majority label");
	ck_assert_str_eq(ev.r[2].model, "role words only");
	ck_assert_str_eq(ev.r[3].model, "text only");
	for (i = 0; i < ev.n; i++) {
		ck_assert_str_eq(ev.r[i].split, i < 4 ? "article" : "speaker");
		ck_assert_str_eq(ev.r[i].model, ev.r[i % 4].model);
		ck_assert_int_eq(ev.r[i].repeats, i < 4 ? 2 : 1);
		ck_assert_ptr_nonnull(ev.r[i].pred);
	}
	for (j = 0; j < qs.n; j++) {
		ck_assert(ev.fold_article[j] >= 0 && ev.fold_article[j] < 2);
		ck_assert(ev.fold_speaker[j] >= 0 && ev.fold_speaker[j] < 2);
		/* an article stays whole */
		if (j % 2)
			ck_assert_int_eq(ev.fold_article[j],
			                 ev.fold_article[j - 1]);
	}
	/* the words tell the camps apart; one label for all cannot */
	ck_assert_double_eq_tol(ev.r[0].mean.macro_f1, 1.0, 1e-9);
	ck_assert_double_eq_tol(ev.r[0].f1_sd, 0, 1e-12);
	ck_assert_double_lt(ev.r[1].mean.macro_f1, 0.7);
	ck_assert_int_eq(ev.r[0].mean.n, 20);
	st_eval_finish(&ev);
	ck_assert_int_eq(ev.n, 0);
	ck_assert_ptr_null(ev.fold_article);
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_evaluate_rejects_repeats)
{
	struct st_quotes qs;
	struct st_eval_opts o;
	struct st_eval ev;
	struct st_error err;

	quotes(&qs);
	small_opts(&o);
	o.repeats = 65;
	ck_assert_int_eq(st_evaluate(&ev, &qs, labels2, 2, &o, &err), -1);
	ck_assert_str_eq(err.msg, "bad number of repeats 65");
	st_eval_finish(&ev);
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_eval_files)
{
	struct st_quotes qs;
	struct st_eval_opts o;
	struct st_eval ev;
	struct st_error err;
	char first[4096];
	FILE *fp;

	quotes(&qs);
	small_opts(&o);
	ck_assert_msg(st_evaluate(&ev, &qs, labels2, 2, &o, &err) == 0, "%s",
	              err.msg);

	fp = tmpfile();
	st_eval_write_metrics(fp, &ev, labels2, 2);
	/* per result: a row per label, macro avg, accuracy */
	ck_assert_int_eq(lines_of(fp, first, sizeof first), 1 + 8 * (2 + 2));
	ck_assert_str_eq(first, "split,model,label,precision,recall,f1,f1_sd,"
	                 "support\n");
	fclose(fp);

	fp = tmpfile();
	st_eval_write_confusion(fp, &ev, labels2, 2);
	/* the full model on either split, a row per gold label */
	ck_assert_int_eq(lines_of(fp, first, sizeof first), 1 + 2 * 2);
	ck_assert_str_eq(first, "split,model,gold,yes,no\n");
	fclose(fp);

	fp = tmpfile();
	st_eval_write_folds(fp, &ev, &qs, labels2);
	ck_assert_int_eq(lines_of(fp, first, sizeof first), 1 + 20);
	ck_assert_str_eq(first, "article,quote_id,article_fold,speaker_fold,"
	                 "stance,article_predicted,speaker_predicted,speaker,"
	                 "role,quote,context\n");
	fclose(fp);
	st_eval_finish(&ev);
	st_quotes_finish(&qs);
}
END_TEST

Suite *evaluate_suite(void)
{
	Suite *s = suite_create("evaluate");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_eval_runs);
	tcase_add_test(tc, test_evaluate_results);
	tcase_add_test(tc, test_evaluate_rejects_repeats);
	tcase_add_test(tc, test_eval_files);
	suite_add_tcase(s, tc);
	return s;
}
