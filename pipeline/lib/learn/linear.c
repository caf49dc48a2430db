/* linear.c - a linear model's prediction from its collapsed weights, with
 * libsvm's probability estimates (Platt's sigmoids, coupled pairwise). */
#include "learn/learn.h"
#include "learn/internal.h"

#include <math.h>
#include <stddef.h>

/* Platt's sigmoid, in the form that loses no precision for either sign
 * of its argument. */
static double sigmoid(double dec, double A, double B)
{
	double f = dec * A + B, e;

	if (f >= 0) {
		e = exp(-f);	/* once: the call is not pure to the compiler */
		return e / (1.0 + e);
	}
	return 1.0 / (1.0 + exp(f));
}

/* Class probabilities p[0..k) from pairwise ones r[i][j] by the second
 * method of Wu, Lin and Weng (2004): minimise p'Qp subject to sum p = 1
 * by updating one coordinate at a time, keeping Qp and p'Qp current,
 * until every (Qp)_t is within 0.005/k of p'Qp.  The order of the
 * updates is libsvm's, so that the results agree with it to rounding. */
static void couple(int k, double r[][ST_MAX_LABELS], double *p)
{
	double Q[ST_MAX_LABELS][ST_MAX_LABELS], Qp[ST_MAX_LABELS];
	double pQp, eps = 0.005 / k;
	int t, j, iter, max_iter = k > 100 ? k : 100;

	for (t = 0; t < k; t++) {
		p[t] = 1.0 / k;
		Q[t][t] = 0;
		for (j = 0; j < t; j++) {
			Q[t][t] += r[j][t] * r[j][t];
			Q[t][j] = Q[j][t];
		}
		for (j = t + 1; j < k; j++) {
			Q[t][t] += r[j][t] * r[j][t];
			Q[t][j] = -r[j][t] * r[t][j];
		}
	}
	for (iter = 0; iter < max_iter; iter++) {
		double worst = 0;

		pQp = 0;
		for (t = 0; t < k; t++) {
			Qp[t] = 0;
			for (j = 0; j < k; j++)
				Qp[t] += Q[t][j] * p[j];
			pQp += p[t] * Qp[t];
		}
		for (t = 0; t < k; t++)
			if (fabs(Qp[t] - pQp) > worst)
				worst = fabs(Qp[t] - pQp);
		if (worst < eps)
			break;
		for (t = 0; t < k; t++) {
			double diff = (-Qp[t] + pQp) / Q[t][t];

			p[t] += diff;
			pQp = (pQp + diff * (diff * Q[t][t] + 2 * Qp[t])) /
			      (1 + diff) / (1 + diff);
			for (j = 0; j < k; j++) {
				Qp[j] = (Qp[j] + diff * Q[t][j]) / (1 + diff);
				p[j] /= (1 + diff);
			}
		}
	}
}

int st_linear_predict(const struct st_model *m, const struct st_vec *x,
                      double *est, double *dec)
{
	double r[ST_MAX_LABELS][ST_MAX_LABELS];
	double d[ST_MAX_LABELS * (ST_MAX_LABELS - 1) / 2];
	int k = m->nlabels, i, j, p = 0, best = 0;
	size_t npairs = (size_t)(k * (k - 1) / 2), f, q;
	const double min_prob = 1e-7;

	for (q = 0; q < npairs; q++)
		d[q] = 0;
	/* each pair's sum in the order of x, as one dot product each */
	for (f = 0; f < x->n; f++)
		if ((size_t)x->idx[f] <= m->nfeatures) {
			const double *w = m->w + (size_t)x->idx[f] * npairs;

			for (q = 0; q < npairs; q++)
				d[q] += w[q] * x->val[f];
		}
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++, p++) {
			d[p] -= m->rho[p];
			if (dec)
				dec[p] = d[p];
			r[i][j] = sigmoid(d[p], m->probA[p], m->probB[p]);
			if (r[i][j] < min_prob)
				r[i][j] = min_prob;
			if (r[i][j] > 1 - min_prob)
				r[i][j] = 1 - min_prob;
			r[j][i] = 1 - r[i][j];
		}
	if (k == 2) {
		est[0] = r[0][1];
		est[1] = r[1][0];
	} else {
		couple(k, r, est);
	}
	for (i = 1; i < k; i++)
		if (est[i] > est[best])
			best = i;
	return best;
}
