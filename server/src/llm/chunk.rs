//! Cutting a chapter into overlapping chunks at paragraph boundaries, and choosing which chunk
//! decides each quotation.

use std::ops::Range;

/// How big chunks are. Tokens are estimated as characters / 4 ([`estimate_tokens`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSizes {
    /// Largest chunk, in estimated tokens; a single longer paragraph makes a chunk of its own.
    pub max_tokens: usize,
    /// How much consecutive chunks share, in estimated tokens (at most; whole paragraphs).
    pub overlap_tokens: usize,
    /// Most quotations in one chunk, so that the JSON schema stays within the cloud services'
    /// limits (Azure documents at most 100 object properties); a single paragraph with more makes
    /// a chunk of its own.
    pub max_quotes: usize,
}

impl Default for ChunkSizes {
    /// About 4,000 tokens with 1,000 of overlap (the published setup uses 4,096 and 1,024), at
    /// most 80 quotations.
    fn default() -> Self {
        Self {
            max_tokens: 4_000,
            overlap_tokens: 1_000,
            max_quotes: 80,
        }
    }
}

/// Estimated tokens of a text of `chars` characters: one per four, rounded up.
pub fn estimate_tokens(chars: usize) -> usize {
    chars.div_ceil(4)
}

/// One chunk of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// Its paragraphs (indices into the chapter's paragraphs).
    pub paragraphs: Range<usize>,
    /// Its character range: from its first paragraph's start to its last paragraph's end.
    pub chars: Range<usize>,
    /// The quotations inside it (indices into the chapter's dialogue spans).
    pub quotes: Range<usize>,
    /// The quotations this chunk decides, in order: a subset of [`Chunk::quotes`].
    pub decides: Vec<usize>,
}

/// Plans the chunks of a chapter whose paragraphs are `paragraphs` (character ranges, in order)
/// and whose dialogue spans lie in the paragraphs `quote_paragraphs` (one index per span,
/// non-decreasing).
///
/// Each chunk takes whole paragraphs while it stays within [`ChunkSizes::max_tokens`] and
/// [`ChunkSizes::max_quotes`] (a paragraph too big on its own still makes a chunk). The next chunk
/// starts at the earliest paragraph that keeps the shared part within
/// [`ChunkSizes::overlap_tokens`] (and within the same share of [`ChunkSizes::max_quotes`]), later
/// if needed for it to reach past the previous one; so every
/// chunk adds at least one paragraph and the chunks cover the chapter.
///
/// Each quotation is decided by the chunk where it is most central: the one whose nearer edge is
/// farthest from the quotation's paragraph, counted in estimated tokens, where the chapter's own
/// start and end are not edges (nothing lies beyond them); ties go to the earlier chunk. In
/// practice the first half of an overlap is decided by the earlier chunk and the second half by
/// the later one, and the later chunk sees the earlier chunk's answers for the first half.
pub fn plan_chunks(
    paragraphs: &[Range<usize>],
    quote_paragraphs: &[usize],
    sizes: &ChunkSizes,
) -> Vec<Chunk> {
    let n = paragraphs.len();
    if n == 0 {
        return Vec::new();
    }
    // Prefix sums of estimated tokens and of quotations per paragraph.
    let mut tokens = Vec::with_capacity(n + 1);
    tokens.push(0usize);
    for range in paragraphs {
        let last = tokens.last().copied().unwrap_or_default();
        tokens.push(last + estimate_tokens(range.len()));
    }
    let mut quotes = vec![0usize; n + 1];
    for &p in quote_paragraphs {
        if let Some(count) = quotes.get_mut(p.min(n - 1) + 1) {
            *count += 1;
        }
    }
    for i in 1..=n {
        quotes[i] += quotes[i - 1];
    }
    let token_sum = |r: Range<usize>| tokens[r.end] - tokens[r.start];
    let quote_sum = |r: Range<usize>| quotes[r.end] - quotes[r.start];
    let fits = |r: Range<usize>| {
        r.len() <= 1
            || (token_sum(r.clone()) <= sizes.max_tokens && quote_sum(r) <= sizes.max_quotes)
    };

    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    loop {
        let mut end = start + 1;
        while end < n && fits(start..end + 1) {
            end += 1;
        }
        ranges.push(start..end);
        if end >= n {
            break;
        }
        let mut next = end;
        // The overlap's quotations are bounded in proportion too, so that chunks limited by
        // `max_quotes` (rapid dialogue) do not mostly repeat each other.
        let overlap_quotes = sizes.max_quotes * sizes.overlap_tokens / sizes.max_tokens.max(1);
        while next > start + 1
            && token_sum(next - 1..end) <= sizes.overlap_tokens
            && quote_sum(next - 1..end) <= overlap_quotes
        {
            next -= 1;
        }
        while next < end && !fits(next..end + 1) {
            next += 1;
        }
        start = next;
    }

    // Which chunk decides each paragraph's quotations.
    let centrality = |chunk: &Range<usize>, p: usize| {
        let before = if chunk.start == 0 {
            usize::MAX
        } else {
            token_sum(chunk.start..p)
        };
        let after = if chunk.end == n {
            usize::MAX
        } else {
            token_sum(p + 1..chunk.end)
        };
        before.min(after)
    };
    let mut chunks: Vec<Chunk> = ranges
        .iter()
        .map(|r| {
            let first_quote = quote_paragraphs.partition_point(|&p| p < r.start);
            let end_quote = quote_paragraphs.partition_point(|&p| p < r.end);
            Chunk {
                paragraphs: r.clone(),
                chars: paragraphs[r.start].start..paragraphs[r.end - 1].end,
                quotes: first_quote..end_quote,
                decides: Vec::new(),
            }
        })
        .collect();
    for (quote, &p) in quote_paragraphs.iter().enumerate() {
        let p = p.min(n - 1);
        // The chunks holding `p` are consecutive: starts and ends both increase.
        let first = ranges.partition_point(|r| r.end <= p);
        let last = ranges.partition_point(|r| r.start <= p);
        let mut best: Option<(usize, usize)> = None;
        for (i, r) in ranges.iter().enumerate().take(last).skip(first) {
            let score = centrality(r, p);
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        if let Some(chunk) = best.and_then(|(i, _)| chunks.get_mut(i)) {
            chunk.decides.push(quote);
        }
    }
    chunks
}
