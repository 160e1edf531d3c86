"""The grammatical gender a person entity takes ("he" or "she"), when the article shows it.

Evidence, strongest first: an honorific before a mention ("Mr. Trump", "Mrs. May"), then a
common given name ("Hillary Clinton"), then the pronouns the article uses after the person as a
sentence's subject, with no one else named between ("When Carlineo was approached, he told ...").
Unknown stays unknown: agreement only rules out an
antecedent whose gender is known to differ, so "she" never resolves to "Osama bin Laden".
The given-name lists are written for this project (common English-language news names).
"""

from bisect import bisect_left
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
abe abhishek adolf ahmad akira alberto aldo alec alfonso alistair amir anders andre andreas andres
angelo anton antoine archie arjun armando arturo ashton axel baldwin barnaby bart basil bashar beau
benedict benny bernardo bert bjorn blake boyd brandon brent brock bruno bryce buck bud
burt byron caleb calvin cameron carlo carter cecil cedric cesar chester christian clark clay clayton
cliff clifford clyde cody conor connor conrad cornelius cory curt curtis cyrus dale damian
damon dane darius darren davis demetrius denis derrick desmond devin dexter diego dieter
dimitri dominic donnie drew dustin dylan earl edgar edmund eduardo elias elliot elliott elmer
elon emil emilio enrique ernesto ethan everett ezra fabio farid fernando fidel floyd forrest
francesco francisco franz fritz gabriel garrett gerard gilbert giorgio giovanni glen grant gunnar
gus gustavo guy hamid hank hans harlan harrison harvey hector heinz herman hiroshi homer horace
hugo hunter ibrahim ignacio imran ira irving isaiah ismail jaime jamal jan jasper javad
jerome jimmie joachim joaquin johan jonah jude jules julio kamal karim kazuo
keanu kelvin kendrick kent khalid kofi kwame lance lars lenny leo leonardo leroy lester levi
lewis liam lincoln lionel lonnie lorenzo lou lucas luca lucian luigi lyndon manuel marcel
marcus mariano marshall mason mathieu matthias maurice maximilian mel melvin micah mikael milan
miles milo mitchell mohamed mohammad moises moses murray mustafa nasser nate ned nelson
nestor niall nico nikolai nikolas noel nolan ollie orlando orrin osman owen pablo paolo
pascal percy perry phillip pierce preston quentin quincy rahul ramon randall raul reggie reginald
reid rene reuben rex ricardo ricky roberto rocco rodney rodrigo rohan roman romeo ronnie
ross ruben rupert salman salvador santiago saul scooter sebastian serge sergio shane shaun sheldon
sherman shinzo silvio solomon spencer stefan sterling stewart sunil sven tariq teddy
terrence thaddeus theo tobias toby tomas trent tristan ulrich umar usman vernon
viktor vinny vito vladislav wade wallace walt ward wendell wilbur wilfred winston wolfgang xavier
yasser yitzhak yoshihide yusuf zane zeke zoran
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
abby ada adriana agatha aileen aisha alana alejandra alessandra alexa alisha alyssa amal
amalia amelia amira anastasia angie anita annabel annette antoinette ariana arianna
arlene ashlee ava ayesha bea beatriz belinda bella bernadette bethany bianca bonnie brandi
brianna brooke caitlin camille candace candice cara carmela carrie cassandra catalina cecilia
celeste celia chantal charlene charlize chloe christa ciara clarissa connie constance consuelo
cora cristina daphne darla dawn deanna debra delia della delores desiree dolores
dora eliza elise eloise elsa elsie emilia esther estelle eugenia eunice fatima faye felicia
felicity flora florence francesca freya gabriela gemma genevieve georgia geraldine gertrude
gillian giselle gwen gwendolyn hailey haley halle hattie hazel helena henrietta hilda
ilhan imelda ines irina iris isabella isabelle jade jana janine jasmine jeanette jenna jessie
joanne jocelyn jolene jordana josefina juanita judi juliana juliet justine kamala karin
karina katarina katharine katrina keira kendra kirsten krista kristin kristina kylie
lana larissa latoya leila lena lila liliana lillian lily lindsay lindsey liza lola lori
lorna lucia lucille luisa luz lydia mabel mackenzie mae maggie mandy marcia margaret
margarita margot mariah marianne maribel marisa marissa marjorie marla marlene marsha
matilda maureen maya meghan melina mercedes meredith mia michaela mindy minnie mira miranda
misty mona muriel myra nadia natasha nellie nia nicki noelle norma olga paige
patsy paulette pauline pearl penelope petra phoebe phyllis pia polly rachael ramona raquel
rebekah rhonda rihanna rochelle roxanne ruby sabrina sadie salma sandy selena
serena shakira shana sheryl sienna simone sofia sonya stella sue
susanna svetlana sybil tamara tanya tatiana terri thelma tonya tori trisha ulrike valentina
vera veronica vicki vickie viola violet vivian wanda wilma winifred yasmin yolanda yvette zara
zelda zoey
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


# Subject, possessive and reflexive forms only: an object pronoun after a name is someone else
# ("Matthesen found him"), and "her" is either.
_PRONOUN_GENDER = {"he": "male", "his": "male", "himself": "male", "she": "female", "hers": "female",
                   "herself": "female"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def pronoun_evidence(entities, doc, in_quote) -> dict[str, str]:
    """Entity key -> "male" / "female" from the pronouns that follow the person, as the subject
    of a sentence, up to the sentence's end or the next other person's name, outside quotations
    ("When Carlineo was approached, he told police ..."); only one-sided evidence counts."""
    people = [e for e in entities if e.type == "PERSON"]
    named = sorted((m.start, e.key) for e in people for m in e.mentions)
    starts = [start for start, _key in named]
    counts: dict[str, set[str]] = {}
    for entity in people:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.root.dep_ not in _SUBJECT_DEPS:
                continue  # after an object or a possessor, "he" is usually the subject
            following = named[bisect_left(starts, mention.end):bisect_left(starts, span.sent.end_char)]
            other = next((start for start, key in following if key != entity.key), span.sent.end_char)
            seen = counts.setdefault(entity.key, set())
            for token in doc[span.end:span.sent.end]:
                if token.idx >= other:
                    break  # from another person's name on, a pronoun may be theirs
                gender = _PRONOUN_GENDER.get(token.lower_) or (
                    "female" if token.lower_ == "her" and token.tag_ == "PRP$" else None)  # "her songs", not "stop her"
                if gender and not in_quote(token.idx, token.idx + len(token.text)):
                    seen.add(gender)
    return {key: genders.pop() for key, genders in counts.items() if len(genders) == 1}


def agrees(entity, pronoun: str, text: str, evidence: dict[str, str] | None = None) -> bool:
    """False only when the pronoun's gender and the entity's known gender differ. evidence: the
    document's pronoun_evidence, used when names and honorifics say nothing."""
    wanted = pronoun_gender(pronoun)
    if wanted is None or entity.type != "PERSON":
        return True
    known = entity_gender(entity, text)
    if known is None and evidence:
        known = evidence.get(entity.key)
    return known is None or known == wanted
