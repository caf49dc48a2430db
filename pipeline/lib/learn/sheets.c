/* sheets.c - the sheets of one training run read in order (through
 * LibreOffice for .xlsx and .ods), and the labels that none of their
 * quotes has. */
#include "learn/learn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int st_labelled_load_files(struct st_labelled *l, char *const *files,
                           int nfiles, struct st_quotes *out,
                           struct st_error *err)
{
	struct st_buf data = ST_BUF_INIT, tmp = ST_BUF_INIT;
	int i, rc = -1;

	for (i = 0; i < nfiles; i++) {
		int office = st_sheet_needs_office(files[i]);

		if (office && !tmp.s) {
			const char *t = getenv("TMPDIR");

			st_buf_addf(&tmp, "%s/stance-sheets-XXXXXX",
			            t && *t ? t : "/tmp");
			if (!mkdtemp(tmp.s)) {
				st_fail(err, tmp.s, 0, "cannot create: %s",
				        strerror(errno));
				st_buf_finish(&tmp);
				goto out;
			}
		}
		if (office ? st_sheet_convert(files[i], tmp.s, &data, err)
		           : st_read_file(files[i], &data, err)) {
			st_error_file(err, files[i]);
			goto out;
		}
		if (st_labelled_load_sheet(l, files[i], data.s, data.len,
		                           office, out, err))
			goto out;
	}
	rc = 0;
out:
	if (tmp.s)
		st_remove_tree(tmp.s);
	st_buf_finish(&tmp);
	st_buf_finish(&data);
	return rc;
}

int st_labels_drop_unused(char **labels, int nlabels,
                          const struct st_quotes *qs, char **dropped,
                          int *ndropped)
{
	int k, n = 0;
	size_t j;

	*ndropped = 0;
	for (k = 0; k < nlabels; k++) {
		for (j = 0; j < qs->n && strcmp(qs->q[j].stance, labels[k]); j++)
			;
		if (j == qs->n && qs->n)
			dropped[(*ndropped)++] = labels[k];
		else
			labels[n++] = labels[k];
	}
	return n;
}
