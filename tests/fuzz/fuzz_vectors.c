/* fuzz_vectors.c - the vector reader on arbitrary lines: the key that
 * ends a line split off as stance-classify does, then the LIBSVM part. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "learn/learn.h"
#include "io/io.h"
#include "core/core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = st_xmalloc(size + 1), *line, *next;
	struct st_vec x;
	struct st_error err;
	long n = 0;

	memcpy(s, data, size);
	s[size] = '\0';
	st_vec_init(&x);
	for (line = s; line; line = next) {
		char *article, *quote_id;
		int label;
		size_t k;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		int got = st_vkey_split(line, &article, &quote_id, "fuzz", ++n,
		                        &err);

		if (got < 0)
			continue;
		if (got == 1 && (!*article || !*quote_id ||
		                 strchr(line, '#')))	/* what the split promises */
			abort();
		if (st_vec_parse("fuzz", n, line, &label, &x, 5000, &err) != 0)
			continue;
		for (k = 0; k < x.n; k++)	/* what the reader promises */
			if (x.idx[k] < 1 || x.idx[k] > 5000 ||
			    (k && x.idx[k] <= x.idx[k - 1]))
				abort();
	}
	st_vec_finish(&x);
	free(s);
	return 0;
}
