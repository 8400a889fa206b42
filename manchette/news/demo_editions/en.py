"""The English edition of the demo: its home, sections, journalists and ten
articles written in English.

Pure data. Every article, person and quotation is fictional and written for this
project; public institutions and places are only a plausible setting. An
article's ``translation`` (when present) is its Arabic version, published in
the Arabic edition.
"""

HOME_TITLE = "Home"
HOME_INTRO = "News from Morocco and the world, straight to the point"
# The indexes of tags and authors: (slug, title).
AUTHOR_INDEX = ("authors", "Authors")
TAG_INDEX = ("topics", "Topics")

# French section slug -> (English slug, title, description).
SECTIONS = {
    "politique": (
        "politics",
        "Politics",
        "Government, Parliament, regions and parties.",
    ),
    "economie": ("economy", "Economy", "Business, energy, farming, ports and tourism."),
    "societe": ("society", "Society", "Education, health, water and everyday life."),
    "monde": (
        "world",
        "World",
        "Diplomacy, climate and world affairs seen from Morocco.",
    ),
    "sport": (
        "sport",
        "Sport",
        "Football, athletics and the road to the 2030 World Cup.",
    ),
    "culture": ("culture", "Culture", "Cinema, books, heritage and festivals."),
    "tech": (
        "tech",
        "Tech",
        "Digital transition, artificial intelligence and start-ups.",
    ),
}

AUTHORS = [
    {
        "slug": "nadia-el-fassi",
        "name": "Nadia El Fassi",
        "role": "Economy correspondent",
        "bio": "Nadia El Fassi covers energy, trade and ports for the English edition, from Casablanca.",
    },
    {
        "slug": "karim-tazi",
        "name": "Karim Tazi",
        "role": "Society and culture reporter",
        "bio": "Karim Tazi writes about cities, education and the arts, with a weakness for long reportage.",
    },
]

ARTICLES = [
    {
        "slug": "tanger-med-record-year",
        "section": "economie",
        "author": "nadia-el-fassi",
        "hours_ago": 2,
        "featured": True,
        "title": "Tanger Med handles more containers as shipping routes shift",
        "summary": "Container traffic at Tanger Med rose again this year. Shipping lines avoiding longer routes are calling at the Strait of Gibraltar more often.",
        "paragraphs": [
            "Tanger Med, Morocco’s largest port, handled more containers this year than last, its operator said on Tuesday, as shipping lines redrew their routes between Asia, Europe and West Africa.",
            "Much of the growth comes from transhipment: boxes unloaded from large vessels and reloaded onto smaller ships bound for ports along the Atlantic coast and the Mediterranean.",
            "The port’s managers say the next challenge is to cut the carbon footprint of operations, with electric cranes and shore power for ships at berth.",
        ],
        "tags": ["ports", "trade"],
        "translation": {
            "title": "طنجة المتوسط يعالج مزيدًا من الحاويات مع تغير مسارات الشحن",
            "tags": ["الموانئ", "التجارة"],
            "summary": "ارتفعت حركة الحاويات في ميناء طنجة المتوسط مرة أخرى هذه السنة. وتزداد رسوّ خطوط الشحن بمضيق جبل طارق تفاديًا للمسارات الأطول.",
            "paragraphs": [
                "عالج ميناء طنجة المتوسط، أكبر موانئ المغرب، عددًا من الحاويات هذه السنة يفوق ما عالجه السنة الماضية، وفق ما أعلنته الجهة المسيرة يوم الثلاثاء، في ظل إعادة رسم خطوط الشحن بين آسيا وأوروبا وغرب إفريقيا.",
                "ويأتي جزء كبير من هذا النمو من المسافنة، أي تفريغ الحاويات من السفن الكبيرة وإعادة شحنها على سفن أصغر متجهة إلى موانئ الساحل الأطلسي والبحر الأبيض المتوسط.",
                "ويقول مسيرو الميناء إن التحدي المقبل هو خفض البصمة الكربونية للعمليات، عبر الرافعات الكهربائية وتزويد السفن الراسية بالكهرباء من اليابسة.",
            ],
        },
    },
    {
        "slug": "casablanca-tram-extension",
        "section": "societe",
        "author": "karim-tazi",
        "hours_ago": 5,
        "title": "Casablanca’s new tram line shortens the commute for eastern districts",
        "summary": "A new tram line now links Casablanca’s eastern districts to the city centre. Residents welcome shorter trips but ask for more feeder buses.",
        "paragraphs": [
            "Commuters in Casablanca’s eastern districts can now reach the city centre by tram, after a new line opened to passengers this week.",
            "Residents interviewed at the terminus said the journey had gone from well over an hour by bus and shared taxi to about forty minutes.",
            "Transport planners say the line will only reach its potential if bus routes are reorganised to feed it, and if park-and-ride sites are built at its ends.",
        ],
        "tags": ["transport", "Casablanca"],
    },
    {
        "slug": "al-haouz-rebuilding",
        "section": "societe",
        "author": "karim-tazi",
        "hours_ago": 10,
        "title": "In the High Atlas, rebuilding villages one house at a time",
        "summary": "Reconstruction continues in mountain villages hit by the 2023 earthquake. Families describe progress, delays and a changed way of building.",
        "paragraphs": [
            "In the villages of the High Atlas struck by the September 2023 earthquake, the sound of concrete mixers has replaced the silence of the first months.",
            "Families who received reconstruction grants say the new houses are sturdier, built to seismic standards, though some miss the thick earth walls that kept homes cool in summer and warm in winter.",
            "Architects working in the area are testing ways to combine local materials with reinforced structures, so that rebuilt villages keep their character.",
        ],
        "tags": ["earthquake", "High Atlas"],
    },
    {
        "slug": "green-hydrogen-south",
        "section": "economie",
        "author": "nadia-el-fassi",
        "hours_ago": 14,
        "title": "Green hydrogen projects line up in Morocco’s southern regions",
        "summary": "Several consortia have applied for land to produce green hydrogen in the south. The projects depend on wind, sun and export deals.",
        "paragraphs": [
            "Several international consortia have filed plans to produce green hydrogen and ammonia in Morocco’s southern regions, where wind and sunshine are abundant.",
            "The projects would use renewable electricity to split water, much of it desalinated seawater, and export part of the output to Europe.",
            "Economists caution that the sums involved are large and that buyers have yet to sign long-term contracts, but say local jobs and industry could follow if the first plants are built.",
        ],
        "tags": ["energy", "hydrogen"],
        "translation": {
            "title": "مشاريع الهيدروجين الأخضر تتوالى في جهات الجنوب",
            "tags": ["الطاقة", "الهيدروجين"],
            "summary": "تقدمت عدة مجموعات بطلبات عقارية لإنتاج الهيدروجين الأخضر في الجنوب. وترتبط المشاريع بالرياح والشمس وعقود التصدير.",
            "paragraphs": [
                "تقدمت عدة مجموعات دولية بمشاريع لإنتاج الهيدروجين الأخضر والأمونياك في جهات الجنوب المغربي، حيث تتوفر الرياح وأشعة الشمس بوفرة.",
                "وتعتمد هذه المشاريع على الكهرباء المتجددة لتحليل الماء، الذي سيكون جزء كبير منه مياه بحر محلاة، على أن يُصدَّر جزء من الإنتاج إلى أوروبا.",
                "ويحذر اقتصاديون من ضخامة المبالغ المطلوبة ومن أن المشترين لم يوقعوا بعد عقودًا طويلة الأمد، لكنهم يرون أن فرص الشغل والصناعة المحلية قد تتبع إذا شُيّدت المحطات الأولى.",
            ],
        },
    },
    {
        "slug": "rabat-book-fair",
        "section": "culture",
        "author": "karim-tazi",
        "hours_ago": 18,
        "title": "Rabat book fair draws crowds to debates on translation",
        "summary": "The international book fair in Rabat closed with strong attendance. Translation between Arabic, Amazigh, French and English was the talk of the fair.",
        "paragraphs": [
            "The international publishing and book fair in Rabat closed on Sunday after ten days of signings, readings and debates that drew families and students in large numbers.",
            "Translation was the theme of many sessions, with publishers discussing how to bring Moroccan writing in Arabic and Amazigh to readers abroad, and foreign novels to Moroccan readers.",
            "Booksellers reported good sales of children’s books and comics, a sign, they said, that a new generation of readers is taking shape.",
        ],
        "tags": ["books", "translation"],
        "translation": {
            "title": "معرض الكتاب بالرباط يستقطب الجمهور إلى نقاشات الترجمة",
            "tags": ["الكتاب", "الترجمة"],
            "summary": "اختُتم المعرض الدولي للكتاب بالرباط بإقبال كبير. وكانت الترجمة بين العربية والأمازيغية والفرنسية والإنجليزية حديث المعرض.",
            "paragraphs": [
                "اختُتمت يوم الأحد فعاليات المعرض الدولي للنشر والكتاب بالرباط بعد عشرة أيام من التوقيعات والقراءات والنقاشات التي استقطبت الأسر والطلبة بأعداد كبيرة.",
                "وكانت الترجمة موضوع عدد من الجلسات، إذ ناقش الناشرون سبل إيصال الأدب المغربي المكتوب بالعربية والأمازيغية إلى القراء في الخارج، والروايات الأجنبية إلى القراء المغاربة.",
                "وأفاد الكتبيون بمبيعات جيدة لكتب الأطفال والقصص المصورة، وهو في نظرهم مؤشر على تشكّل جيل جديد من القراء.",
            ],
        },
    },
    {
        "slug": "startups-funding-round",
        "section": "tech",
        "author": "nadia-el-fassi",
        "hours_ago": 24,
        "title": "Moroccan start-ups raise more money, but mostly from abroad",
        "summary": "Funding for Moroccan start-ups grew this year. Founders say local investors remain cautious at the early stages.",
        "paragraphs": [
            "Moroccan start-ups raised more money this year than last, according to figures compiled by a Casablanca-based investor network, with fintech and logistics leading the way.",
            "Most of the larger rounds were led by foreign funds, founders said, while local investors tend to come in later, once a company has proven its model.",
            "Entrepreneurs are calling for simpler rules on stock options and faster company registration, to keep talent from leaving for Europe or the Gulf.",
        ],
        "tags": ["start-ups", "fintech"],
    },
    {
        "slug": "atlas-lions-friendly",
        "section": "sport",
        "author": "karim-tazi",
        "hours_ago": 30,
        "title": "Atlas Lions win friendly as coach tries new faces",
        "summary": "Morocco won a friendly 2-0 in Rabat. The coach gave several young players their first minutes with the national team.",
        "paragraphs": [
            "Morocco’s national team beat their visitors 2-0 in a friendly in Rabat on Friday night, with both goals coming in the second half.",
            "The coach used the match to hand first caps to three young players from European clubs, one of whom set up the opening goal.",
            "Supporters filled most of the stadium despite the rain, singing throughout a game the players described as useful preparation for the qualifiers ahead.",
        ],
        "tags": ["football", "national team"],
    },
    {
        "slug": "argan-cooperatives",
        "section": "societe",
        "author": "karim-tazi",
        "hours_ago": 36,
        "title": "Argan cooperatives seek fairer prices for the women who run them",
        "summary": "Women’s argan cooperatives in the Souss want a larger share of the oil’s export price. Some are selling online to cut out intermediaries.",
        "paragraphs": [
            "In the argan forests around Essaouira and Agadir, women’s cooperatives produce oil prized by cosmetic brands around the world, yet members say they see little of its final price.",
            "Some cooperatives have started selling directly online and to tourists, keeping a larger margin and investing in packaging and labelling.",
            "Forestry officials meanwhile warn that drought and overgrazing threaten the argan trees, and are backing replanting programmes with local communities.",
        ],
        "tags": ["argan", "cooperatives"],
    },
    {
        "slug": "morocco-eu-energy-talks",
        "section": "monde",
        "author": "nadia-el-fassi",
        "hours_ago": 44,
        "title": "Morocco and the EU discuss a renewable energy partnership",
        "summary": "Officials from Rabat and Brussels met to discuss electricity links and clean energy trade. Grid connections across the Strait are on the table.",
        "paragraphs": [
            "Moroccan and European officials met in Rabat this week to discuss closer cooperation on renewable energy, from power links across the Strait of Gibraltar to joint research.",
            "Both sides said they wanted to speed up projects that would let Morocco export clean electricity while strengthening its own grid.",
            "Environmental groups welcomed the talks but urged that local communities near new solar and wind farms be consulted and share in the benefits.",
        ],
        "tags": ["energy", "European Union"],
    },
    {
        "slug": "finance-bill-debate",
        "section": "politique",
        "author": "nadia-el-fassi",
        "hours_ago": 52,
        "title": "MPs begin debating next year’s finance bill",
        "summary": "The House of Representatives has started examining the finance bill. Social spending and water investment dominate the debate.",
        "paragraphs": [
            "The House of Representatives began examining next year’s finance bill on Monday, with committee hearings set to run for two weeks.",
            "The government says the bill keeps up spending on social protection, health and water infrastructure while bringing the deficit down gradually.",
            "Opposition members questioned the growth forecasts behind the bill and asked for more detail on how rising food prices would be contained.",
        ],
        "tags": ["Parliament", "budget"],
    },
]


# Each journalist's page in the Arabic edition.
AUTHOR_TRANSLATIONS = {
    "nadia-el-fassi": {
        "name": "نادية الفاسي",
        "role": "مراسلة اقتصادية",
        "bio": "تغطي نادية الفاسي قضايا الطاقة والتجارة والموانئ للنسخة الإنجليزية، انطلاقًا من الدار البيضاء.",
    },
    "karim-tazi": {
        "name": "كريم التازي",
        "role": "صحافي، قسم المجتمع والثقافة",
        "bio": "يكتب كريم التازي عن المدن والتعليم والفنون، ويميل إلى الروبورتاجات المطوّلة.",
    },
}

# French footer page slug -> (English slug, title, paragraphs and ("h2", heading)).
FOOTER_PAGES = {
    "a-propos": (
        "about",
        "About us",
        [
            "Manchette is an online newspaper covering Morocco, Africa and the world in French, Arabic and English.",
            ("h2", "Our newsroom"),
            "Journalists based in Rabat, Casablanca and Tangier check, cross-check and put every story in context before it is published.",
        ],
    ),
    "contact": (
        "contact",
        "Contact",
        [
            "A story to tell us about, a mistake to correct, a question about an article? Write to the newsroom: redaction@manchette.example.",
            ("h2", "Address"),
            "Manchette, 12 Demonstration Avenue, 10000 Rabat, Morocco.",
        ],
    ),
    "mentions-legales": (
        "legal-notice",
        "Legal notice",
        [
            "The site is published by Manchette SARL, registered in the Rabat trade register. Publication director: the company’s manager.",
            ("h2", "Intellectual property"),
            "Articles, photographs and illustrations are protected by copyright. Reproduction without written permission is forbidden, except for short quotations naming the source.",
        ],
    ),
    "politique-de-confidentialite": (
        "privacy-policy",
        "Privacy policy",
        [
            "We only collect the data needed for the service you ask for: your e-mail address for the newsletter, your name and address for a comment.",
            ("h2", "Your rights"),
            "Under law 09-08 you may access, correct or delete your data by writing to donnees@manchette.example. Every newsletter carries an unsubscribe link.",
        ],
    ),
    "conditions-d-utilisation": (
        "terms-of-use",
        "Terms of use",
        [
            "By using this site you accept these terms. They may change; the online version prevails.",
            ("h2", "Comments"),
            "Comments are moderated before publication. Insulting, defamatory, racist or off-topic remarks are not published.",
        ],
    ),
    "charte-editoriale": (
        "editorial-charter",
        "Editorial charter",
        [
            "Our journalists separate facts from opinions, name their sources whenever possible and give a voice to the people concerned.",
            ("h2", "Corrections"),
            "When we get something wrong, we say so: every correction is flagged at the top of the article, with its date.",
        ],
    ),
}
