/* evalfiles.c - stance-eval's CSV files: metrics per label, the full
 * model's confusion, and the quotes with their folds and predictions. */
#include "learn/learn.h"
#include "core/core.h"
#include "io/io.h"

#include <stdio.h>
#include <string.h>

static void put_row(struct st_csv_writer *w, const struct st_eval_result *r,
                    const char *label, double p, double rec, double f1,
                    double f1_sd, long support)
{
	st_csv_put(w, r->split);
	st_csv_put(w, r->model);
	st_csv_put(w, label);
	st_csv_putd(w, p, 4);
	st_csv_putd(w, rec, 4);
	st_csv_putd(w, f1, 4);
	st_csv_putd(w, f1_sd, 4);
	st_csv_putl(w, support);
	st_csv_endrow(w);
}

void st_eval_write_metrics(FILE *fp, const struct st_eval *ev,
                           char *const *labels, int nlabels)
{
	const struct st_eval_result *rs = ev->r;
	struct st_csv_writer w;
	int i, l, n = ev->n;

	st_csv_writer_init(&w, fp, 0, 1);
	fputs("split,model,label,precision,recall,f1,f1_sd,support\n", fp);
	for (i = 0; i < n; i++) {
		const struct st_eval_result *r = &rs[i];
		double mp = 0, mr = 0;

		for (l = 0; l < nlabels; l++) {
			put_row(&w, r, labels[l], r->mean.precision[l],
			        r->mean.recall[l], r->mean.f1[l], 0,
			        r->mean.support[l]);
			mp += r->mean.precision[l] / nlabels;
			mr += r->mean.recall[l] / nlabels;
		}
		put_row(&w, r, "macro avg", mp, mr, r->mean.macro_f1, r->f1_sd,
		        r->mean.n);
		put_row(&w, r, "accuracy", r->mean.accuracy, r->mean.accuracy,
		        r->mean.accuracy, r->acc_sd, r->mean.n);
	}
	st_csv_writer_finish(&w);
}

void st_eval_write_confusion(FILE *fp, const struct st_eval *ev,
                             char *const *labels, int nlabels)
{
	const struct st_eval_result *rs = ev->r;
	struct st_csv_writer w;
	int i, g, p, n = ev->n;

	st_csv_writer_init(&w, fp, 0, 1);
	st_csv_put(&w, "split");
	st_csv_put(&w, "model");
	st_csv_put(&w, "gold");
	for (p = 0; p < nlabels; p++)
		st_csv_put(&w, labels[p]);
	st_csv_endrow(&w);
	for (i = 0; i < n; i++) {
		if (strcmp(rs[i].model, "full"))
			continue;
		for (g = 0; g < nlabels; g++) {
			st_csv_put(&w, rs[i].split);
			st_csv_put(&w, rs[i].model);
			st_csv_put(&w, labels[g]);
			for (p = 0; p < nlabels; p++)
				st_csv_putl(&w, rs[i].first.confusion[g][p]);
			st_csv_endrow(&w);
		}
	}
	st_csv_writer_finish(&w);
}

void st_eval_write_folds(FILE *fp, const struct st_eval *ev,
                         const struct st_quotes *qs, char *const *labels)
{
	/* the full model's predictions, first repeat, on either split */
	const int *by_article = ev->fold_article, *by_speaker = ev->fold_speaker;
	const int *pred_a = ev->r[0].pred, *pred_s = ev->r[ev->nmodels].pred;
	struct st_csv_writer w;
	size_t i;

	st_csv_writer_init(&w, fp, 0, 0);
	fputs("article,quote_id,article_fold,speaker_fold,stance,"
	      "article_predicted,speaker_predicted,speaker,role,quote,context\n",
	      fp);
	for (i = 0; i < qs->n; i++) {
		const struct st_quote *q = &qs->q[i];
		char id[32];

		st_quote_id(id, q->id);
		st_csv_put(&w, q->article);
		st_csv_put(&w, id);
		st_csv_putl(&w, by_article[i]);
		st_csv_putl(&w, by_speaker[i]);
		st_csv_put(&w, q->stance);
		st_csv_put(&w, pred_a[i] >= 0 ? labels[pred_a[i]] : "");
		st_csv_put(&w, pred_s[i] >= 0 ? labels[pred_s[i]] : "");
		st_csv_put(&w, q->speaker);
		st_csv_put(&w, q->role);
		st_csv_put(&w, q->text);
		st_csv_put(&w, q->context);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}
