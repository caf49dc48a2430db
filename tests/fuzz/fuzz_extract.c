/* fuzz_extract.c - quote detection and attribution on arbitrary bytes:
 * what stance-tokenize does with an article, checked or not. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "text/text.h"
#include "core/core.h"

static struct st_extractor *x;
static struct st_tokenizer *tk;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct st_error err;
	struct st_quotes qs;
	char *text;
	size_t i;

	if (!x) {
		x = st_extractor_new(&err);
		tk = st_tokenizer_new(&err);
		if (!x || !tk)
			abort();
	}
	/* the extractor's contract: checked UTF-8, NUL-terminated copy */
	if (st_check_text("fuzz", (const char *)data, size, &err) != 0)
		return 0;
	text = st_xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	st_quotes_init(&qs);
	st_extract(x, tk, "fuzz", text, size, &qs);
	for (i = 0; i < qs.n; i++) {
		/* offsets point inside the text and match the quote */
		if (qs.q[i].start > qs.q[i].end || qs.q[i].end > size ||
		    memcmp(text + qs.q[i].start, qs.q[i].text,
		           qs.q[i].end - qs.q[i].start) != 0)
			abort();
	}
	st_quotes_finish(&qs);
	free(text);
	return 0;
}
