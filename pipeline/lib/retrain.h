/* retrain.h - what a retraining changed: the previous model's figures
 * (from its metrics.txt) beside the new one's, and how many quotes of the
 * corpus the two models label differently. */
#ifndef STANCE_RETRAIN_H
#define STANCE_RETRAIN_H

#include "model.h"
#include "util.h"

/* The figures of a model folder's metrics.txt that a retraining compares. */
struct st_metrics {
	int have;		/* 0: no metrics.txt (no model there) */
	double cv_f1;		/* cv_macro_f1, or -1 when absent */
	long quotes;		/* -1 when absent */
	char *labels[ST_MAX_LABELS];	/* owned; st_metrics_finish() */
	long count[ST_MAX_LABELS];	/* quotes[label] */
	int nlabels;
};

/* Read dir/metrics.txt into m (zeroed first).  A missing file gives
 * m->have 0 and no error; other read errors fail. */
int st_metrics_read(const char *dir, struct st_metrics *m,
                    struct st_error *err);
void st_metrics_finish(struct st_metrics *m);
/* quotes[label] of m, or -1 when it lists no such label. */
long st_metrics_count(const struct st_metrics *m, const char *label);

/* Extract the quotes of every ARTICLES/ *.txt (in name order; articles
 * that cannot be read are passed over and counted in *unread) and predict
 * each with the models in old_dir and new_dir: *nquotes gets the number of
 * quotes, *changed the number whose predicted label (by name) differs.
 * Fails when a model cannot be loaded or the folder cannot be listed. */
int st_prediction_changes(const char *old_dir, const char *new_dir,
                          const char *articles_dir, long *nquotes,
                          long *changed, long *unread, struct st_error *err);

#endif
