"""An interview's transcript: the answer's words, without who speaks and how they speak.

Researchers, journalists and human-rights investigators transcribe their interviews with the
spoken shape kept: who speaks ("Q:", "A:", "INT:", "R:", "Witness:"), the question before
the answer, fillers ("um", "uh"), stage marks ("[laughs]") and a translator's notes in
brackets ("We lived in [X, a village west of Y — translator's note] until 2019"). The
grammar read the question's words and the labels as the text's: "A: From Qarandah. It's a
small village, um, up in the mountains behind Qardaha" was Qardaha, the place the answer
locates it from.

:func:`answer_of_an_interview` returns the answer alone, its fillers and stage marks taken
off, a translator's note read as the text it stands for, and "X. It's a village near Y"
read as "X, a village near Y"; what the speaker did or saw after the answer's first
sentence is left out.
"""

from __future__ import annotations

import re

# Who speaks, before the words spoken ("Q:", "A:", "INT:", "Researcher:")
_LABEL = re.compile(
    r"(?:^|(?<=[\s.?!)\]]))(?P<who>Q|A|J|INT|Int|R|W|P|Interviewer|Researcher|Participant|Witness"
    r"|Respondent|Interviewee)\s*:\s+"
)
# ... of them, those who answer
_ANSWERING = frozenset({"A", "R", "W", "P", "Participant", "Witness", "Respondent", "Interviewee"})
_FILLER = re.compile(r"(?i)(?<![\w'-])(?:u+m+|u+h+|e+h+|erm|hmm+)(?![\w'-])\s*,?\s*")
_STAGE_MARK = re.compile(r"(?i)\s*\[(?:laughs?|laughter|pause|inaudible|crosstalk|sighs?|cries)\]")
# A translator's mark inside a bracket: "— TN:", "— translator's note", "— tr."
_NOTE_MARK = re.compile(
    r"(?i)\s*[—–-]+\s*(?:TN\s*:\s*|(?:(?:translator|interpreter)(?:['’]s\s+note)?|tr\.)\s*$)"
)
_BRACKET = re.compile(r"\[([^\]]+)\]")
# Where the answer goes on to what the speaker did or saw, after its first sentence ("...
# Hazzeh. I was at my uncle's house ...", "... in the winter. We walked four hours ...")
_NEXT_SENTENCE = re.compile(
    r"(?<=\w)[.?!]\s+(?=(?:I|We|My|Our|They|He|She|His|Her|There|Then|After|Until|The|Maybe"
    r"|Everybody|Everyone|At|Walked|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twenty"
    r"|Forty|Fifty|No|Not|Yes|So|But|And|Even|Some|Very)\b).*$",
    re.S,
)
# "X. It's a small village near Y": the answer's place and what it is, as one phrase
# ("X. A small village south of Y", "X. The town with the castle, west of Y": the same)
_AN_ARTICLE_AFTER_COMMA = re.compile(r"(?<=, )(?:An?|The)(?=\s)")
_IT_IS = re.compile(
    r"(?<=\w)\.\s+(?:(?:It['’]s|It\s+is|That['’]s)\s+(?=(?:a|an|the|in|near|on)\b)"
    r"|(?=(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,2}(?:village|town|city|hamlet)\b))"
)


def answer_of_an_interview(text: str) -> str | None:
    """The words of an interview's answer, or None when the text is no interview.

    Parameters
    ----------
    text
        A line of a transcript: "Q: Where are you from? A: From X. It's a small village,
        um, near Y."

    Returns
    -------
    str or None
        "From X, a small village, near Y."; None when no one answers by a label.
    """
    labels = list(_LABEL.finditer(text))
    answers = [m for m in labels if m["who"] in _ANSWERING]
    if not answers:
        return None
    answer = text[answers[-1].end() :]
    answer = _FILLER.sub("", _STAGE_MARK.sub("", answer))
    answer = _BRACKET.sub(lambda m: _NOTE_MARK.sub(", ", m[1]).strip(" ,"), answer)
    # (", A small village" as ", a small village": the article no longer opens a sentence)
    answer = _IT_IS.sub(", ", answer)
    answer = _NEXT_SENTENCE.sub("", _AN_ARTICLE_AFTER_COMMA.sub(lambda m: m[0].lower(), answer))
    return " ".join(answer.split()) or None
