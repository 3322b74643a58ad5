"""Word tables that tell a place name from a capitalised word that is not one.

All tables hold normalised keys (:func:`gazetteer.normalise.normalise_name`: lower case, no
full stops), so "Gov." and "gov" meet. They are written for English news by this project; each
carries a comment saying what mistake it prevents.
"""

from __future__ import annotations

__all__ = [
    "AGENCY_VERBS",
    "COMMON_WORDS",
    "COMPASS_WORDS",
    "DOTTED_CODES",
    "FAMOUS_SURNAMES",
    "FIRST_NAMES",
    "GEO_TAILS",
    "LOCATIVE_CUES",
    "NEVER_ALONE",
    "NOT_PLACE_PHRASES",
    "ORG_HEADS",
    "ORG_PREFIX_HEADS",
    "PATHOGEN_GENERA",
    "PATHOGEN_TAILS",
    "PERSON_CUES_AFTER",
    "POSSESSIVE_TAILS",
    "POSTAL_CODES",
    "REGION_ABBREVIATIONS",
    "SPEECH_VERBS",
    "SURNAME_WORDS",
    "TITLES",
]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Titles and ranks: a capitalised word right after one of these is a person's name
# ("President Jordan", "Gen. Washington", "Ambassador Andrei Karlov"), unless the whole phrase
# is itself a place ("Prince Edward Island", "General Santos"), which the longest match decides
# first.
TITLES = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mme mlle monsieur herr frau
    president presidents vice premier chancellor minister ministers secretary senator sen senators
    rep reps representative congressman congresswoman gov governor mayor councillor councilor
    councilman councilwoman alderman mp mla mpp speaker judge justice magistrate attorney
    gen general col colonel lt lieutenant maj major capt captain cpl corporal sgt sergeant pvt
    private adm admiral cmdr commander brig brigadier marshal field officer detective det inspector
    insp constable const sheriff deputy superintendent supt trooper agent chief commissioner
    ambassador envoy consul king queen prince princess emperor empress tsar czar sultan emir sheikh
    shaikh ayatollah imam rabbi pope cardinal archbishop bishop rev reverend father pastor brother
    sister coach dj jr sr chairman chairwoman chair ceo cfo founder spokesman spokeswoman
    spokesperson director manager
    """
)

# Given names that are also place names or that precede a surname which is one ("Paris Hilton",
# "Michael Jordan", "Keith Kellogg", "Florence Nightingale", "Austin Powers"). A place-name token
# followed by a capitalised non-place word, or preceded by one of these, is part of a person's
# name. Common given names in English-language news across regions.
FIRST_NAMES = _words(
    """
    aaron abdul abdullah abraham adam adrian ahmed ahmad aisha alan albert alberto alejandro alex
    alexander alexandra alexei alexey alfred ali alice alicia alison allan allen amanda amber amir
    amy ana andre andrea andreas andrei andres andrew andy angela angelina anna anne annie anthony
    antonio april arnold arthur ashley austin barack barbara barry ben benjamin bernard bernie beth
    betty bill billy bob bobby boris brad bradley brandon brenda brett brian bruce bryan caitlin
    calvin cameron carl carla carlos carol caroline carolyn catherine cathy charles charlie charlotte
    chelsea cheryl chris christian christina christine christopher chuck cindy claire clara claude
    clint cody colin connor craig cynthia dale dallas dan daniel danielle danny darren dave david
    dean deborah debbie denise dennis derek diana diane dick dmitry dmitri don donald donna doris
    doug douglas dylan earl ed eddie edward elaine eleanor elena elizabeth ellen emily emma emmanuel
    eric erica erik ethan eugene eva evan evelyn fatima felix fernando florence frances francis
    francisco frank fred frederick gabriel gareth gary gavin george georgia gerald gloria gordon
    grace graham greg gregory hailey hannah harold harry hassan heather helen henry hillary holly
    howard hugh hunter ian igor isaac ivan jack jackie jacob jacqueline jake james jamie jan jane
    janet jason jean jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan joe
    joel john johnny jon jonathan jordan jorge jose joseph josh joshua joyce juan judith judy julia
    julian julie justin karen karl kate katherine kathleen kathy katie keith kelly ken kenneth kevin
    kim kimberly kirill kyle larry laura lauren lawrence lee leo leon leonard lily linda lindsey lisa
    liz logan lori louis louise lucas lucy luis luke lynn madison marco margaret maria marie marilyn
    mario mark martha martin mary matt matthew maurice max megan melissa michael michelle miguel mike
    mohammad mohammed muhammad nancy natalie nathan neil nicholas nick nicole nikita nikki noah norman
    oleg olga oliver olivia omar oscar owen pamela patricia patrick paul paula pedro peggy penny peter
    phil philip phoenix pierre rachel ralph randy ray raymond rebecca recep regina richard rick
    rita rob robert roberto robin rodney roger ron ronald rose roy ruby russell ruth ryan sally sam
    samantha samuel sandra sarah scott sean sergei sergey sharon shawn sheila shirley sophia sophie
    stacy stanley stephanie stephen steve steven stuart sue susan sydney tammy taylor teresa terry
    theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis troy tyler valerie
    vanessa victor victoria vincent virginia vivian vladimir volodymyr walter wayne wendy william
    willie xavier yuri yvonne zachary zoe will nelson paris shannon geneva chester clifton lincoln
    milton preston warren winston orlando houston carson denver brooklyn savannah raleigh
    cleveland kent camden hamilton marshall douglas clayton
    jerome conrad sidney brent dora riley gael manuel campbell crystal morgan amber lucy walsh beau johnnie
    mevlut mert stewart blair xi
    abigail adele agnes ahmet alain alastair alberto alessandro alfonso alina alistair allison alvaro
    amelia amit anders andrzej angus anil anita ann anton antoine arjun armando arturo astrid audrey
    augusto aurora axel barney beatrice benedict benoit bernardo bertrand bianca bjorn blake bonnie
    boyd brendan brent brett bridget brooke bruno byron caleb camila candace carina carlo carmen
    carrie casey cecilia cedric celia cesar chad chandler chantal chen cheng christophe ciaran clare
    clarence claudia clement clifford colleen constance corey cornelius courtney curtis dai daisy
    damian damien dana daphne daria darius darryl dawn declan deepak delia derrick desmond devin
    diego dieter dimitri dina dominic dominique dona donovan dorothy duncan dustin dwayne eamon edgar
    edith edmund eduardo edwin eileen elias elijah elise ella ellie elliot elsa emil emilio emma enrique
    enzo erin ernest ernesto esther ethel eugenia evan ewan fabian faisal farah felipe fiona flora
    francesca franco francois frederic gabriela gaurav gemma geoffrey gerard gerhard gianni gilbert
    gina giovanni giuseppe glen glenn gonzalo graeme greta guillaume gunther gustavo guy haley hamid
    hans harriet harvey hector heidi helena henri herbert hilary hiroshi horace hugo humberto ibrahim
    ignacio imran ingrid ines irene iris isabel isabella isabelle ivy jacques jaime jamal janice jared
    jasmine javier jay jeanne jeannette jens jeremiah jessie joanna joaquin jocelyn johan johanna jonas
    jorge josef josephine juanita judy jules juliana julio june jurgen kai kamal karim karin kasper
    katarina kathryn kayla keira kelvin kendall kenji kerry khalid kieran kirk klaus kofi krishna kurt
    lars laurence lawrence leah leila lena leonardo leslie lewis liam lillian lina lionel lloyd lorenzo
    lorraine lotte louie luca lucia luciano ludwig luigi luiz luka lydia mabel magnus mahmoud malcolm
    manuela marc marcel marcia marcus margarita mariana marina mario marion marisa marjorie marlene
    marta marvin mateo mathieu matthias maureen maxine melanie melvin mercedes mia micah michel
    mikhail milan miles miriam mitchell mohamed monica monique muriel nadia naomi nasser natasha nathalie
    neal nigel nina noel nora norma olivier omar orla otto pablo paolo pascal patrice pauline percy
    petra philippe pierce piers priya rafael rahul raj ramon randall raphael raul reza rhys ricardo
    rita roberta rocco rodrigo roland rolf romain ronan rory rosa rosalind rosemary ross rowan rudolf
    rupert sabrina salvador sami sandro sanjay santiago sara sasha saul sebastian selena serena sergio
    seth shane shaun sheldon sherry silvia simon simone sinead sonia soren stefan stefano stella sven
    tamara tanya tara ted terrence thierry tobias toby todd tomas tony trevor tristan troy tyrone ulrich
    ursula valentina vera veronica vicente vijay viktor viola vivek wade wallace wanda warren wesley
    wilfred wilhelm wilson wolfgang yasmin yolanda yusuf yves zainab zane
    """
)

# Capitalised words that name small places somewhere but, in English news, are far more often
# an ordinary word: at a sentence start, in a headline, or before a name ("Will", "Mobile",
# "Nice", "Reading", "Police"). Such a word counts as a place only with positive evidence (a
# locative preposition before it, a qualifier after it, or a capital letter mid-sentence for
# the few that are also major cities).
COMMON_WORDS = _words(
    """
    a about above across after again against all almost also although always among an and another
    any anyone anything are around as at away back be because been before being below between both
    but by can could did do does doing down during each early either else even ever every few for
    from further had has have having he her here hers him his how however if in into is it its just
    last late least less like many may me might more most much must my near neither never new next
    no nor not now of off often on once only or other our out over own per perhaps please plus quite
    rather same she should since so some still such than that the their them then there these they
    this those though through thus to today together tomorrow too toward towards under until up upon
    us very was we well were what when where whether which while who whom whose why will with within
    without would yes yesterday yet you your
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    spring summer autumn fall winter christmas easter
    mobile nice reading bath police energy liberty independence victory union unity progress
    commerce enterprise friendship hope harmony paradise eden globe normal deal split sale wells
    street road avenue centre center city town village county state province region district
    north south east west northern southern eastern western central middle upper lower greater
    little big great grand old young good best top hot cold long high low
    time times news post press star sun mail herald daily weekly world national international
    global general president premier minister chief officer secretary senator governor mayor
    king queen prince princess lord lady duke duchess earl bishop pope saint
    democrat democrats republican republicans liberal liberals conservative conservatives labour
    labor green greens independent
    health hospital school college university church temple museum park garden gardens lake river
    mount mountain island islands bay beach harbour harbor port fort castle bridge hill hills valley
    house home office court hall tower towers market mall airport station
    army navy air force guard fire rescue
    man men woman women boy girl child children people family friends
    officials official leaders leader talks peace war meeting summit crisis deal conflict
    background conclusion context related comment comments leave follow share reply
    one two three four five six seven eight nine ten first second third
    jan feb mar apr jun jul aug sep sept oct nov dec
    drug drugs tank mad villages elementary science magnet bureau health
    olympic olympics university council justice law real act academy farms farm hydro lakes
    federal provincial municipal royal imperial united union republic kingdom empire
    african american european asian western eastern
    christian muslim jewish catholic protestant orthodox islamic
    downtown metro uptown midtown suburb suburbs
    media states holstein colony
        will mark bill grant rich hunt bush gore rice brown white black green gray grey
    """
)

# Organisation heads: a run holding one of these after a place ("Paris Police Department",
# "Edmonton Oilers" cannot be listed, but "Police", "University", "Bank" can) is an
# organisation's name, and the place in it is marked ``in_organisation``.
ORG_HEADS = _words(
    """
    police department dept ministry university college school academy institute institution bank
    council court courts party church cathedral hospital clinic times post herald tribune journal
    gazette telegraph observer chronicle press news daily airlines airways airline company co corp
    corporation inc ltd llc plc group association society foundation federation union league club fc
    agency service services commission authority board office bureau centre center museum library
    government parliament assembly senate congress committee army navy forces force guard fire rescue
    transit railway railways rail energy oil gas power electric telecom hydro network broadcasting
    radio tv television magazine review zoo theatre theater opera orchestra symphony festival
    stadium arena raiders rangers united city fund reserve exchange secretariat embassy consulate
    mission council's registry cabinet administration legislature tribunal prison jail penitentiary
    sheriff's constabulary gendarmerie militia brigade regiment battalion division corps command
    district dmv
    """
)

# Heads that come before "of <place>": "University of Michigan", "Bank of England", "Government
# of Canada", "Port of Los Angeles" is a place, so it is not here.
ORG_PREFIX_HEADS = _words(
    """
    university college bank government ministry department council court church school institute
    academy museum embassy consulate commission authority office bureau federation association
    society league union parliament assembly senate house chamber republic kingdom
    """
)

# A capitalised word right after a place-named token that marks the pair as a person's name
# when the token is also a given name: "Jordan Peterson" is caught by FIRST_NAMES; these are
# suffixes of names ("Paris Jr.").
PERSON_CUES_AFTER = _words("jr sr ii iii iv")

# Words before a mention that say it is a location (evidence for small or ambiguous places).
LOCATIVE_CUES = _words(
    """
    in at near from to into outside inside across around throughout toward towards via through
    between within along off visit visited visiting visits based born native resident residents
    northern southern eastern western central north south east west northeast northwest southeast
    southwest downtown suburban rural
    """
)

# Verbs of speech and agency: a country or capital as their subject stands for its government
# ("Moscow said", "Washington and Moscow agreed", "Riyadh facilitated").
AGENCY_VERBS = _words(
    """
    said says say told tells announced announces agreed agrees warned warns accused accuses denied
    denies rejected rejects urged urges demanded demands threatened threatens insisted insists
    claimed claims responded responds condemned condemns welcomed welcomes signed signs imposed
    imposes launched launches facilitated facilitates hinted hints stated states expressed expresses
    called calls wants wanted decided decides refused refuses ordered orders recognised recognized
    recognises recognizes criticised criticized criticises criticizes vowed vows pledged pledges
    proposed proposes offered offers sought seeks hopes hoped believes believed blamed blames
    backed backs supports supported sanctioned sanctions retaliated retaliates expelled expels
    summoned summons negotiated negotiates brokered brokers mediated mediates invaded invades
    attacked attacks annexed annexes approved approves confirmed confirms suspended suspends
    banned bans appealed appeals protested protests promised promises asked asks intends intended
    plans planned has have had
    """
)

# Capitalised phrases that contain a place name but never refer to a place in news: parties,
# people's groups, events and holidays.
NOT_PLACE_PHRASES = frozenset(
    {
        "cold war",
        "world war",
        "new year",
        "new years",
        "middle ages",
        "democratic party",
        "republican party",
        "labour party",
        "independence day",
        "victory day",
        "union jack",
        "french fries",
        "turkish delight",
        "brussels sprouts",
        "molotov cocktail",
        "molotov cocktails",
        "real madrid",
        # News agencies named after a place or a region ("the Xinhua news agency").
        "xinhua",
        "anadolu",
        "yonhap",
        "kyodo",
        "interfax",
        "bernama",
        # Political unions are organisations in news annotation schemes, not places.
        "european union",
        "eu",
        "panama papers",
        # Brands and bodies whose names are also hamlets' names somewhere ("Google", Taco Bell's
        # "Bell", the Homeland Security department's "Homeland").
        "google",
        "facebook",
        "twitter",
        "youtube",
        "microsoft",
        "taco bell",
        "wal mart",
        "walmart",
        "homeland security",
        "marine corps",
    }
)

# Words that make a longer geographic name out of the place before them: "Metcalfe County",
# "Hutcheson Road", "Peace River". When the gazetteer does not know the longer name, the place
# inside it is still not what the text mentions, so it is not reported.
GEO_TAILS = _words(
    """
    county counties parish borough township street st road rd avenue ave boulevard blvd lane ln drive
    dr way highway hwy freeway expressway motorway route river lake lakes creek bay mountain
    mountains mount hill hills valley park bridge square island islands beach falls canyon forest
    desert sea gulf strait peninsula harbour harbor reservoir dam glacier trail
    """
)

# AP-style abbreviations of US states and Canadian and Australian subdivisions as news datelines
# write them, always with a full stop ("Columbia, Ky.", "Victoria, B.C.", "Gatineau, Que."):
# key -> (country, subdivision name). Titles ("Ms.", "Gen.") are not here.
REGION_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "ala": ("US", "Alabama"),
    "ariz": ("US", "Arizona"),
    "ark": ("US", "Arkansas"),
    "calif": ("US", "California"),
    "colo": ("US", "Colorado"),
    "conn": ("US", "Connecticut"),
    "del": ("US", "Delaware"),
    "fla": ("US", "Florida"),
    "ga": ("US", "Georgia"),
    "ill": ("US", "Illinois"),
    "ind": ("US", "Indiana"),
    "kan": ("US", "Kansas"),
    "kans": ("US", "Kansas"),
    "ky": ("US", "Kentucky"),
    "la": ("US", "Louisiana"),
    "md": ("US", "Maryland"),
    "mass": ("US", "Massachusetts"),
    "mich": ("US", "Michigan"),
    "minn": ("US", "Minnesota"),
    "miss": ("US", "Mississippi"),
    "mo": ("US", "Missouri"),
    "mont": ("US", "Montana"),
    "neb": ("US", "Nebraska"),
    "nebr": ("US", "Nebraska"),
    "nev": ("US", "Nevada"),
    "nh": ("US", "New Hampshire"),
    "nj": ("US", "New Jersey"),
    "nm": ("US", "New Mexico"),
    "ny": ("US", "New York"),
    "nc": ("US", "North Carolina"),
    "nd": ("US", "North Dakota"),
    "okla": ("US", "Oklahoma"),
    "ore": ("US", "Oregon"),
    "pa": ("US", "Pennsylvania"),
    "penn": ("US", "Pennsylvania"),
    "ri": ("US", "Rhode Island"),
    "sc": ("US", "South Carolina"),
    "sd": ("US", "South Dakota"),
    "tenn": ("US", "Tennessee"),
    "tex": ("US", "Texas"),
    "va": ("US", "Virginia"),
    "vt": ("US", "Vermont"),
    "wash": ("US", "Washington"),
    "wva": ("US", "West Virginia"),
    "wis": ("US", "Wisconsin"),
    "wisc": ("US", "Wisconsin"),
    "wyo": ("US", "Wyoming"),
    "bc": ("CA", "British Columbia"),
    "alta": ("CA", "Alberta"),
    "sask": ("CA", "Saskatchewan"),
    "man": ("CA", "Manitoba"),
    "ont": ("CA", "Ontario"),
    "que": ("CA", "Quebec"),
    "nb": ("CA", "New Brunswick"),
    "ns": ("CA", "Nova Scotia"),
    "pei": ("CA", "Prince Edward Island"),
    "nfld": ("CA", "Newfoundland and Labrador"),
    "qld": ("AU", "Queensland"),
    "vic": ("AU", "Victoria"),
    "tas": ("AU", "Tasmania"),
}

# Two- and three-letter postal codes, undotted: a match needs a comma right before ("Austin, TX")
# except for the three-letter ones that are no English word ("NSW").
POSTAL_CODES: dict[str, tuple[str, str]] = {
    "al": ("US", "Alabama"),
    "ak": ("US", "Alaska"),
    "az": ("US", "Arizona"),
    "ar": ("US", "Arkansas"),
    "ca": ("US", "California"),
    "co": ("US", "Colorado"),
    "ct": ("US", "Connecticut"),
    "de": ("US", "Delaware"),
    "fl": ("US", "Florida"),
    "ga": ("US", "Georgia"),
    "hi": ("US", "Hawaii"),
    "id": ("US", "Idaho"),
    "il": ("US", "Illinois"),
    "in": ("US", "Indiana"),
    "ia": ("US", "Iowa"),
    "ks": ("US", "Kansas"),
    "ky": ("US", "Kentucky"),
    "la": ("US", "Louisiana"),
    "me": ("US", "Maine"),
    "md": ("US", "Maryland"),
    "ma": ("US", "Massachusetts"),
    "mi": ("US", "Michigan"),
    "mn": ("US", "Minnesota"),
    "ms": ("US", "Mississippi"),
    "mo": ("US", "Missouri"),
    "mt": ("US", "Montana"),
    "ne": ("US", "Nebraska"),
    "nv": ("US", "Nevada"),
    "nh": ("US", "New Hampshire"),
    "nj": ("US", "New Jersey"),
    "nm": ("US", "New Mexico"),
    "ny": ("US", "New York"),
    "nc": ("US", "North Carolina"),
    "nd": ("US", "North Dakota"),
    "oh": ("US", "Ohio"),
    "ok": ("US", "Oklahoma"),
    "or": ("US", "Oregon"),
    "pa": ("US", "Pennsylvania"),
    "ri": ("US", "Rhode Island"),
    "sc": ("US", "South Carolina"),
    "sd": ("US", "South Dakota"),
    "tn": ("US", "Tennessee"),
    "tx": ("US", "Texas"),
    "ut": ("US", "Utah"),
    "vt": ("US", "Vermont"),
    "va": ("US", "Virginia"),
    "wa": ("US", "Washington"),
    "wv": ("US", "West Virginia"),
    "wi": ("US", "Wisconsin"),
    "wy": ("US", "Wyoming"),
    "ab": ("CA", "Alberta"),
    "bc": ("CA", "British Columbia"),
    "mb": ("CA", "Manitoba"),
    "nb": ("CA", "New Brunswick"),
    "nl": ("CA", "Newfoundland and Labrador"),
    "ns": ("CA", "Nova Scotia"),
    "on": ("CA", "Ontario"),
    "pe": ("CA", "Prince Edward Island"),
    "qc": ("CA", "Quebec"),
    "sk": ("CA", "Saskatchewan"),
    "nsw": ("AU", "New South Wales"),
    "qld": ("AU", "Queensland"),
}

# One-word "places" that are never meant alone in English news: months and days (towns called
# "March", "August"), compass words ("South" is a Cameroonian region), and generic nouns that
# GeoNames has as hamlets ("University", "Center", "Council"). Within a longer name they are
# fine ("South Africa", "University Park").
NEVER_ALONE = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern midwest
    university center centre council college school hospital church court street road city town
    village county state province region district department ministry office police army navy
    justice law drug drugs health science academy olympic olympics federal national international
    royal republic kingdom union united democratic liberal conservative independent labour labor
    christian muslim jewish catholic orthodox islamic christmas easter spring summer autumn winter
    zoo industry zone commerce advance soul harvest delta valley plateau coast agency airport
    earth congress homeland island islands al el rd ave blvd hwy
    """
)

# Words for the points of the compass that news puts before a place to name part of it ("North
# Dallas", "West Kasai", "South West England"). When the gazetteer lacks the whole phrase, the
# mention is still the phrase, placed at the place it qualifies.
COMPASS_WORDS = _words(
    """
    north south east west northern southern eastern western central
    northeast northwest southeast southwest northeastern northwestern southeastern southwestern
    """
)

# Words after a name that make it the name of a pathogen, a disease or a syndrome, not a mention of the
# place: "West Nile virus", "Reston ebolavirus", "Rift Valley fever", "Hong Kong flu", "Lyme disease".
PATHOGEN_TAILS = _words(
    "virus viruses ebolavirus fever flu influenza strain strains serotype disease syndrome disorder"
)

# Genera whose strains and serotypes are named after places: "Salmonella Litchfield", "Ebola
# Reston". The place name after them names the strain.
PATHOGEN_GENERA = _words("salmonella ebola ebolavirus listeria shigella legionella hantavirus")

# Capitalised words after a possessive that make one longer name the gazetteer may lack
# ("St. Peter's Square", "Martha's Vineyard" is known): the place before the "'s" is then not
# what the text mentions.
POSSESSIVE_TAILS = _words(
    """
    square county island islands bay park street road avenue bridge church cathedral hospital
    college school university palace castle hall market gate lane
    """
)

# Verbs of speech: a minor town as their subject is a person with a town's surname ("Cordova
# said", "Saha told"); towns do not speak, and capitals and countries that do are metonyms.
SPEECH_VERBS = _words("said says told tells added adds explained explains noted notes replied replies wrote")

# Initials-with-dots forms of subdivision codes that news writes that way ("N.Y.", "B.C."); other
# dotted pairs ("M.D.", "M.S.") are degrees or titles.
DOTTED_CODES = _words("nh nj nm ny nc nd ri sc sd bc pei wva")

# Surnames of public figures that are also towns somewhere ("the Obama administration",
# "Clinton said"): weak evidence, so the town needs a locative cue or context.
FAMOUS_SURNAMES = _words(
    """
    obama clinton bush trump reagan carter nixon kennedy lincoln johnson jackson madison jefferson
    truman hoover wilson ford grant harding kerry pence biden sanders merkel macron sarkozy hollande
    blair cameron thatcher major brown may johnson putin medvedev erdogan assad netanyahu modi
    castro chavez maduro mandela zuma kenyatta darwin newton wellington napoleon churchill
    """
)

# Common words that are also frequent surnames: after a given name they make a person
# ("Georgia Brown", "Victoria Wood"), although alone they are ordinary words.
SURNAME_WORDS = _words("brown white black green gray grey rich hunt bush gore rice grant wood king young long hill")

# Names whose bare form in news means the big city known by a longer name ("New York City"),
# not the subdivision really called so: "met in New York", "a New York-based firm". The
# subdivision sense needs its own cue: "New York state", "Buffalo, New York", a list of states,
# a governor, or several other states named in the story.
CITY_BEFORE_SUBDIVISION = frozenset({"new york"})
