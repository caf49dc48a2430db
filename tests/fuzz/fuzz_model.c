/* fuzz_model.c - the model folder loader: labels, vocabulary and libsvm
 * model from arbitrary bytes.  The input is cut at "\n--\n" into the
 * label lines, vocab.txt and stance.model; labels.txt is written with the
 * right checksums, so that the bytes reach the vocabulary reader and
 * libsvm's loader instead of stopping at the checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "learn/learn.h"
#include "core/core.h"

static char dir[] = "/tmp/stance-fuzz-model-XXXXXX";

static void put(const char *name, const char *p, size_t n)
{
	char path[96];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	if (!fp)
		abort();
	fwrite(p, 1, n, fp);
	fclose(fp);
}

static const char *part(const char *p, const char *end, size_t *n)
{
	const char *cut = NULL, *s;

	for (s = p; s + 4 <= end; s++)
		if (memcmp(s, "\n--\n", 4) == 0) {
			cut = s;
			break;
		}
	*n = cut ? (size_t)(cut - p) : (size_t)(end - p);
	return cut ? cut + 4 : end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	const char *p = (const char *)data, *end = p + size, *v, *m;
	size_t nl, nv, nm;
	struct st_buf labels = ST_BUF_INIT;
	struct st_model model;
	struct st_error err;

	if (!ready) {
		if (!mkdtemp(dir))
			abort();
		ready = 1;
	}
	v = part(p, end, &nl);
	m = part(v, end, &nv);
	part(m, end, &nm);
	st_buf_addf(&labels, "stance-labels 1\nvocab %016llx\nmodel %016llx\n",
	            st_fnv1a(v, nv, ST_FNV_INIT), st_fnv1a(m, nm, ST_FNV_INIT));
	st_buf_add(&labels, p, nl);
	put("labels.txt", labels.s, labels.len);
	put("vocab.txt", v, nv);
	put("stance.model", m, nm);
	if (st_model_load(&model, dir, &err) == 0)
		st_model_finish(&model);
	st_buf_finish(&labels);
	return 0;
}
