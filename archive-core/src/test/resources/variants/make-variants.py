#!/usr/bin/env python3
"""Builds the normalisation test variants from the samples in docs/samples. Run from this folder:
python3 make-variants.py ../../../../../docs/samples  (the outputs are committed; this documents how)."""
import sys, pathlib
samples = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
base = samples[0].read_text(encoding="utf-8")
other = samples[2].read_text(encoding="utf-8")
lines = base.split("\n")
head_end = lines.index("Zelensky, Biden discuss security, diplomacy, aid to Ukraine")
marker = lines.index("Most Popular")
ticker, headline, body, footer = lines[:head_end], lines[head_end], lines[head_end + 1:marker], lines[marker:]
other_lines = other.split("\n")
other_ticker = other_lines[:other_lines.index("EXCLUSIVE: Voice message reveals Russian military unit's catastrophic losses in Ukraine")]

def write(name, text):
    pathlib.Path(name).write_text(text, encoding="utf-8", newline="")

# chrome-only changes: the same version
write("chrome-different-ticker.txt", "\n".join(other_ticker + [headline] + body + footer))
write("chrome-missing-footer.txt", "\n".join(ticker + [headline] + body))
write("chrome-reordered.txt", "\n".join(list(reversed(ticker)) + [headline] + body + footer[:1] + list(reversed(footer[1:]))))
swap = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', '"': "\u201c"}
write("chrome-quote-style.txt", "\n".join(ticker + [headline] + ["".join(swap.get(c, c) for c in l) for l in body] + footer))
write("chrome-crlf.txt", "\r\n".join(lines))
write("chrome-doubled-spaces.txt", "\n".join(ticker + [headline] + [l.replace(" ", "  ").replace(", ", ",\u00a0") for l in body] + footer))
# content changes: a new version
write("content-one-word.txt", "\n".join(ticker + [headline] + [l.replace("fourth overall", "fifth overall") for l in body] + footer))
write("content-headline.txt", "\n".join(ticker + ["Zelensky, Biden discuss security, diplomacy and aid to Ukraine"] + body + footer))
write("content-correction.txt", "\n".join(ticker + [headline] + body + [
    "Correction: An earlier version of this article misstated the date of the call. It took place on Jan. 27."] + footer))
write("content-inserted-paragraph.txt", "\n".join(ticker + [headline] + body[:6] + [
    "The White House did not say whether the two leaders discussed sanctions in detail during the call."] + body[6:] + footer))
# identity: a different article quoting two paragraphs of the base
quoting = [
    "Analysis: What the Zelensky-Biden call tells us about Western resolve", "",
    "Observers in Kyiv spent the weekend parsing every line of the readouts published after the latest call.",
    "Several diplomats said the tone was warmer than in December, though few concrete commitments were made.",
    body[1], body[4],
    "Analysts at two Kyiv think tanks said the emphasis on economic support was the most notable change.",
    "Opposition lawmakers, meanwhile, demanded that the government publish its own account of the conversation.",
    "The Foreign Ministry declined to comment on the details beyond the official statement.",
    "A further round of talks between national security advisers is expected next week in Brussels.",
]
write("identity-quoting-article.txt", "\n".join(ticker + quoting + footer))
