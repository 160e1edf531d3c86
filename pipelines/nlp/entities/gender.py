"""The grammatical gender a person entity takes ("he" or "she"), when the article shows it.

Evidence, strongest first: an honorific before a mention ("Mr. Trump", "Mrs. May"), then a
common given name ("Hillary Clinton"). Unknown stays unknown: agreement only rules out an
antecedent whose gender is known to differ, so "she" never resolves to "Osama bin Laden".
The given-name lists are written for this project (common English-language news names).
"""

from functools import lru_cache

MALE_HONORIFICS = {"mr", "mister", "sir", "lord", "king", "prince", "father", "brother"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "sister"}

MALE_NAMES = frozenset("""
aaron abdul abraham adam adrian ahmed al alan albert alex alexander alexei alfred ali andrew andy
angus anthony antonio arnold arthur barack barney barry ben benjamin bernard bernie bill billy bob
bobby boris brad bradley brendan brett brian bruce bryan carl carlos chad charles charlie chris
christopher chuck clarence claude clint colin craig dan daniel danny darrell dave david dean dennis
derek dick dmitry don donald doug douglas duncan dwight ed eddie edward elijah emmanuel eric erik
ernest eugene evan francis frank franklin fred frederick gary gavin gene geoffrey george gerald
gerhard giuseppe glenn gordon graham greg gregory harold harry hassan henry herbert howard hugh
ian igor isaac ivan jack jacob jake james jamie jared jason javier jay jeb jeff jeffrey jeremy jerry
jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin
karl keith ken kenneth kevin kirk kurt kyle lamar larry lawrence lee leon leonard
lloyd louis luis luke malcolm marc marco mario mark martin marvin matt matthew max michael miguel
mike mikhail mitch mitt mohammed muhammad nathan neil nicholas nick nicolas nigel noah norman olaf
oliver omar oscar osama otto patrick paul pedro pete peter phil philip pierre rafael ralph rand
randy ray raymond reince reza richard rick rob robert rod roger roland ron ronald roy rudy russell
ryan sam samuel scott sean sergei sergey seth shawn sidney simon stan stanley stephen steve steven
stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trevor troy tyler victor
vince vincent vladimir walter warren wayne wesley will william willie xi yuri zach zachary
""".split())

FEMALE_NAMES = frozenset("""
abigail adele agnes alexandra alexis alice alicia alison amanda amber amy ana andrea angela angelina
angelique ann anna anne annie april ashley audrey barbara beatrice becky betsy betty beverly
brenda bridget brittany camila carla carly carmen carol caroline carolyn catherine cathy charlotte
chelsea cheryl christina christine cindy claire clara claudia colleen courtney cynthia daisy dana
danielle deborah debbie denise diana diane donna doris dorothy edith eileen elaine eleanor elena
elizabeth ella ellen emily emma erica erin eva evelyn fiona frances gabrielle gail gina gloria
grace hannah harriet heather heidi helen hillary holly hope huma ingrid irene isabel ivana ivanka
jackie jacqueline jane janet janice jean jeanne jennifer jenny jessica jill jo joan joanna jodi
josephine joy joyce judith judy julia julie june karen kate katherine kathleen kathy katie kay
kayleigh kelly kellyanne kimberly kristen laura lauren leah linda lisa liz lois loretta
lorraine louise lucy lynn madeleine maria marie marina marilyn marine martha mary maxine megan
melania melanie melissa michelle mildred miriam molly monica nancy naomi natalie nicola nicole
nikki nina nora olivia pam pamela patricia paula peggy penny priscilla rachel rebecca regina
renee rita roberta rosa rose rosie ruth sally samantha sandra sara sarah sharon sheila shirley
sonia sophia sophie stacey stephanie susan suzanne sylvia tammy tara teresa theresa tiffany tina
tracy ursula valerie vanessa victoria virginia wendy whitney yvonne zoe
""".split())

@lru_cache(maxsize=4096)
def given_name_gender(token: str) -> str | None:
    lower = token.lower().strip(".")
    if lower in MALE_NAMES:
        return "male"
    if lower in FEMALE_NAMES:
        return "female"
    return None


def mention_gender(text: str, start: int, end: int) -> str | None:
    """The gender one mention shows: an honorific just before it, or its first given name."""
    before = text[max(0, start - 12):start].replace(".", " ").split()
    if before:
        word = before[-1].lower()
        if word in MALE_HONORIFICS:
            return "male"
        if word in FEMALE_HONORIFICS:
            return "female"
    words = text[start:end].replace(".", " ").split()
    if words and words[0].lower() in MALE_HONORIFICS:
        return "male"
    if words and words[0].lower() in FEMALE_HONORIFICS:
        return "female"
    return given_name_gender(words[0]) if len(words) > 1 else None


def entity_gender(entity, text: str) -> str | None:
    """The entity's gender from all its mentions and its canonical name; None when unknown or
    when the evidence disagrees (two people merged under one surname)."""
    seen = {mention_gender(text, m.start, m.end) for m in entity.mentions}
    words = entity.canonical_name.split()
    if len(words) > 1:
        seen.add(given_name_gender(words[0]))
    seen.discard(None)
    return seen.pop() if len(seen) == 1 else None


def pronoun_gender(pronoun: str) -> str | None:
    lower = pronoun.lower()
    if lower in ("he", "him", "his", "himself"):
        return "male"
    if lower in ("she", "her", "hers", "herself"):
        return "female"
    return None


def agrees(entity, pronoun: str, text: str) -> bool:
    """False only when the pronoun's gender and the entity's known gender differ."""
    wanted = pronoun_gender(pronoun)
    if wanted is None or entity.type != "PERSON":
        return True
    known = entity_gender(entity, text)
    return known is None or known == wanted
