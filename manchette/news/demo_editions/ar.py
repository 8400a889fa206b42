"""The Arabic edition of the demo: its home, sections, journalists and ten articles
written in Arabic (newsroom Modern Standard Arabic, as Moroccan dailies write it).

Pure data. Every article, person and quotation is fictional and written for this
project; public institutions and places are only a plausible setting. An
article's ``translation`` (when present) is its English version, published in
the English edition.
"""

HOME_TITLE = "الرئيسية"
HOME_INTRO = "أخبار المغرب والعالم، بلا مواربة"
# The indexes of tags and authors: (slug, title).
AUTHOR_INDEX = ("الكتاب", "الكتّاب")
TAG_INDEX = ("مواضيع", "المواضيع")

# French section slug -> (Arabic slug, title, description).
SECTIONS = {
    "politique": ("سياسة", "سياسة", "الحكومة والبرلمان والجماعات الترابية والأحزاب."),
    "economie": ("اقتصاد", "اقتصاد", "المقاولات والطاقة والفلاحة والموانئ والسياحة."),
    "societe": ("مجتمع", "مجتمع", "التعليم والصحة والماء والحياة اليومية للمغاربة."),
    "monde": (
        "العالم",
        "العالم",
        "الدبلوماسية والمناخ والتوازنات الدولية من زاوية مغربية.",
    ),
    "sport": ("رياضة", "رياضة", "كرة القدم وألعاب القوى والاستعداد لمونديال 2030."),
    "culture": ("ثقافة", "ثقافة", "السينما والكتاب والتراث والمهرجانات."),
    "tech": (
        "تكنولوجيا",
        "تكنولوجيا",
        "التحول الرقمي والذكاء الاصطناعي والمقاولات الناشئة.",
    ),
}

AUTHORS = [
    {
        "slug": "salma-bennani",
        "name": "سلمى بناني",
        "role": "صحافية، قسم الاقتصاد",
        "bio": "تتابع سلمى بناني قضايا الموانئ والطاقة والفلاحة منذ ثماني سنوات، وتكتب عن الاقتصاد انطلاقًا من الميدان والأرقام.",
    },
    {
        "slug": "youssef-amrani",
        "name": "يوسف العمراني",
        "role": "صحافي، قسم المجتمع",
        "bio": "يغطي يوسف العمراني قضايا التعليم والماء والعالم القروي، ويهتم بالتحقيقات الميدانية.",
    },
]

ARTICLES = [
    {
        "slug": "nador-west-med",
        "section": "economie",
        "author": "salma-bennani",
        "hours_ago": 3,
        "featured": True,
        "title": "ميناء الناظور غرب المتوسط يستقبل أولى السفن في مرحلة التشغيل التجريبي",
        "summary": "بدأ ميناء الناظور غرب المتوسط مرحلة التشغيل التجريبي باستقبال أولى سفن الحاويات. وتراهن الجهة الشرقية على المشروع لجذب الاستثمارات الصناعية.",
        "paragraphs": [
            "استقبل ميناء الناظور غرب المتوسط، صباح أمس، أولى سفن الحاويات في إطار مرحلة تشغيل تجريبي تمتد عدة أسابيع، وفق ما أفادت به الجهة المسيّرة للمشروع.",
            "وتهدف هذه المرحلة إلى اختبار الرافعات وأنظمة التتبع الرقمي وسلاسل المناولة قبل الانطلاق الفعلي للنشاط التجاري. وأوضح مسؤول بالميناء أن الفرق التقنية ستعمل على ضبط مدد التفريغ والشحن تدريجيًا.",
            "ويرتبط الميناء بمنطقة صناعية ولوجستيكية تسعى الجهة الشرقية من خلالها إلى استقطاب مقاولات في مجالات الطاقة والصناعات التحويلية، وهو ما يعوّل عليه الفاعلون المحليون لخلق فرص شغل لفائدة شباب المنطقة.",
            "ويرى خبراء في النقل البحري أن نجاح المشروع يبقى رهينًا بربطه بشبكة الطرق السيارة والسكك الحديدية، وبقدرته على التكامل مع ميناء طنجة المتوسط بدل منافسته.",
        ],
        "tags": ["الموانئ", "الجهة الشرقية"],
        "translation": {
            "title": "Nador West Med port welcomes its first ships in a trial run",
            "tags": ["ports", "Oriental region"],
            "summary": "Nador West Med has started its trial operations with the first container ships. The Oriental region hopes the project will draw industrial investment.",
            "paragraphs": [
                "Nador West Med port welcomed its first container ships yesterday morning, at the start of a trial period lasting several weeks, its operator said.",
                "The trial is meant to test cranes, digital tracking and handling chains before commercial traffic begins. A port official said technical teams would fine-tune unloading and loading times step by step.",
                "The port is tied to an industrial and logistics zone through which the Oriental region hopes to attract energy and manufacturing companies, a prospect local players count on to create jobs for young people.",
                "Shipping experts say the project’s success depends on its links to the motorway and rail networks, and on working alongside Tanger Med rather than competing with it.",
            ],
        },
    },
    {
        "slug": "tahlia-mae-al-bahr",
        "section": "societe",
        "author": "youssef-amrani",
        "hours_ago": 6,
        "title": "محطات تحلية مياه البحر تخفف الضغط على السدود في مواجهة الجفاف",
        "summary": "توسّع المدن الساحلية اعتمادها على مياه البحر المحلاة. ويدعو مختصون إلى ترشيد الاستهلاك بالموازاة مع ذلك.",
        "paragraphs": [
            "مع توالي سنوات الجفاف وتراجع نسب ملء السدود، باتت محطات تحلية مياه البحر جزءًا أساسيًا من تزويد عدد من المدن الساحلية بالماء الصالح للشرب.",
            "وتقول مصادر من قطاع الماء إن المحطات الجديدة مكّنت من تخفيف الضغط على الموارد الجوفية، غير أن كلفتها الطاقية تظل مرتفعة، وهو ما يدفع إلى ربطها بمحطات للطاقة الشمسية والريحية.",
            "ويؤكد باحثون في تدبير الموارد المائية أن التحلية ليست حلًا سحريًا، وأن إصلاح شبكات التوزيع للحد من التسربات وترشيد السقي الفلاحي يبقيان أولوية لا تقل أهمية.",
        ],
        "tags": ["الماء", "الجفاف"],
    },
    {
        "slug": "derby-casablanca",
        "section": "sport",
        "author": "youssef-amrani",
        "hours_ago": 9,
        "title": "الديربي البيضاوي ينتهي بالتعادل أمام مدرجات ممتلئة",
        "summary": "انتهت مباراة الديربي البيضاوي بالتعادل هدفًا لمثله. وقدّمت الجماهير لوحات احتفالية لافتة.",
        "paragraphs": [
            "انتهت قمة الديربي البيضاوي بين الوداد والرجاء بالتعادل هدفًا لمثله، في مباراة احتضنها ملعب مركب محمد الخامس أمام مدرجات ممتلئة عن آخرها.",
            "وافتتح أصحاب الأرض التسجيل في الشوط الأول من ضربة رأسية إثر ركنية، قبل أن يعادل الفريق الضيف النتيجة في منتصف الشوط الثاني بتسديدة من خارج مربع العمليات.",
            "وكالعادة، خطفت الجماهير الأضواء بلوحات احتفالية ضخمة، فيما أشاد المدربان بعد اللقاء بالروح الرياضية التي طبعت المباراة رغم ندية المواجهة.",
        ],
        "tags": ["كرة القدم", "البطولة الاحترافية"],
    },
    {
        "slug": "gnaoua-essaouira",
        "section": "culture",
        "author": "salma-bennani",
        "hours_ago": 12,
        "title": "مهرجان كناوة يعيد الحياة إلى أزقة الصويرة",
        "summary": "تحتضن الصويرة دورة جديدة من مهرجان كناوة وموسيقى العالم. ويجمع البرنامج معلّمين مغاربة وفنانين من القارات الخمس.",
        "paragraphs": [
            "تعيش مدينة الصويرة على إيقاع دورة جديدة من مهرجان كناوة وموسيقى العالم، حيث تتحول ساحة مولاي الحسن وأزقة المدينة العتيقة إلى فضاءات مفتوحة للموسيقى.",
            "ويجمع البرنامج بين ليالي المعلّمين الكناويين وحفلات مزج موسيقي مع فنانين من إفريقيا وأوروبا وأمريكا، إلى جانب منتدى يناقش علاقة الثقافة بالتنمية.",
            "ويؤكد تجار المدينة ومهنيو السياحة أن المهرجان يبقى موعدًا اقتصاديًا مهمًا، إذ تمتلئ الفنادق ودور الضيافة طيلة أيامه.",
        ],
        "tags": ["المهرجانات", "الموسيقى"],
        "translation": {
            "title": "Gnaoua festival brings Essaouira’s alleys back to life",
            "tags": ["festivals", "music"],
            "summary": "Essaouira hosts a new edition of the Gnaoua World Music Festival. The programme brings together Moroccan masters and artists from five continents.",
            "paragraphs": [
                "Essaouira is moving to the rhythm of a new edition of the Gnaoua World Music Festival, with Moulay Hassan square and the alleys of the old town turned into open-air stages.",
                "The programme pairs nights with Gnaoua masters and fusion concerts with artists from Africa, Europe and the Americas, alongside a forum on culture and development.",
                "Shopkeepers and tourism professionals say the festival remains a major economic event, with hotels and guesthouses full throughout.",
            ],
        },
    },
    {
        "slug": "raqmanat-al-idara",
        "section": "tech",
        "author": "youssef-amrani",
        "hours_ago": 15,
        "featured": True,
        "title": "الرقمنة تغيّر علاقة المواطن بالإدارة",
        "summary": "تتوسع الخدمات الإدارية الرقميّة في المغرب. ويطالب المرتفقون بتبسيط أكبر للمساطر.",
        "paragraphs": [
            "أصبح بإمكان المواطنين إنجاز عدد متزايد من الوثائق الإدارية عبر المنصات الرقميّة، من طلب شهادات الحالة المدنية إلى تتبّع ملفات الرخص.",
            "ويرى مسؤولون في قطاع الانتقال الرقمي أن هذه الخدمات قلّصت آجال الانتظار وخفّفت الاكتظاظ في المرافق العمومية، خاصة في المدن الكبرى.",
            "في المقابل، تشير جمعيات المجتمع المدني إلى أن الفجوة الرقمية ما تزال قائمة في العالم القروي، حيث يضعف الربط بالإنترنت وتقل مهارات استعمال المنصات، وتدعو إلى الإبقاء على شبابيك للمواكبة.",
        ],
        "tags": ["الرقمنة", "الإدارة"],
        "translation": {
            "title": "Digital services change how citizens deal with the administration",
            "tags": ["digital services", "administration"],
            "summary": "Online public services are spreading in Morocco. Users are asking for simpler procedures still.",
            "paragraphs": [
                "Citizens can now complete a growing number of administrative formalities online, from civil registry certificates to tracking permit applications.",
                "Officials in charge of the digital transition say these services have cut waiting times and eased crowding in public offices, especially in the big cities.",
                "Civil society groups point out that the digital divide persists in rural areas, where connections are weaker and fewer people are at ease with online platforms, and call for help desks to stay open.",
            ],
        },
    },
    {
        "slug": "majalis-al-jihat",
        "section": "politique",
        "author": "salma-bennani",
        "hours_ago": 20,
        "title": "مجالس الجهات تصادق على برامج التنمية الجهوية للسنوات المقبلة",
        "summary": "صادقت عدة مجالس جهوية على برامجها التنموية. وتحتل البنيات التحتية والتشغيل صدارة الأولويات.",
        "paragraphs": [
            "صادقت مجالس عدد من الجهات، خلال دوراتها العادية، على برامج التنمية الجهوية التي تحدد أولويات الاستثمار العمومي للسنوات المقبلة.",
            "وتتصدر هذه البرامج مشاريع الطرق القروية والماء الصالح للشرب ودعم المقاولات الصغرى، إلى جانب برامج لتشغيل الشباب والتكوين المهني.",
            "ويرى متتبعون للشأن المحلي أن التحدي الحقيقي يكمن في التنفيذ، وفي قدرة الجهات على تعبئة التمويل وتتبع المشاريع بمؤشرات واضحة يطلع عليها المواطنون.",
        ],
        "tags": ["الجهوية المتقدمة", "الجماعات الترابية"],
    },
    {
        "slug": "annaql-al-madrasi",
        "section": "societe",
        "author": "youssef-amrani",
        "hours_ago": 26,
        "title": "النقل المدرسي في العالم القروي: رهان للحد من الهدر المدرسي",
        "summary": "تراهن جمعيات وجماعات قروية على النقل المدرسي لإبقاء التلاميذ في الدراسة. وتبقى الفتيات أكبر المستفيدين.",
        "paragraphs": [
            "في عدد من الجماعات القروية، يقطع التلاميذ كيلومترات يوميًا للوصول إلى الإعدادية، وهو ما يجعل النقل المدرسي عاملًا حاسمًا في متابعة الدراسة.",
            "ويقول فاعلون جمعويون إن توفير حافلات النقل ساهم في تراجع الانقطاع عن الدراسة، خاصة في صفوف الفتيات اللواتي كانت أسرهن تتردد في إرسالهن لمسافات طويلة.",
            "غير أن هذه الخدمة تواجه صعوبات تتعلق بكلفة الوقود والصيانة، ما يدفع الجمعيات إلى المطالبة بتمويل مستقر بدل الاعتماد على منح سنوية.",
        ],
        "tags": ["التعليم", "العالم القروي"],
    },
    {
        "slug": "jany-az-zaytoun",
        "section": "economie",
        "author": "salma-bennani",
        "hours_ago": 32,
        "title": "موسم جني الزيتون: إقتصاد قروي ينتظر الأمطار",
        "summary": "انطلق موسم جني الزيتون في عدة مناطق. ويتوقع الفلاحون إنتاجًا متوسطًا بسبب قلة التساقطات.",
        "paragraphs": [
            "انطلق موسم جني الزيتون في مناطق قلعة السراغنة ووزان وتاونات، وسط توقعات بإنتاج متوسط بعد موسم تميز بقلة التساقطات المطرية.",
            "ويشكل الزيتون موردًا أساسيًا لإقتصاد آلاف الأسر القروية، سواء عبر البيع المباشر أو عبر المعاصر التقليدية والتعاونيات.",
            "ويأمل الفلاحون في أن تساعد الأمطار المقبلة على تحسين المردودية في الموسم القادم، بينما يدعو مهنيون إلى تعميم السقي بالتنقيط لمواجهة التغيرات المناخية.",
        ],
        "tags": ["الفلاحة", "الجفاف"],
    },
    {
        "slug": "qimmat-al-manakh",
        "section": "monde",
        "author": "salma-bennani",
        "hours_ago": 40,
        "title": "المغرب يدعو في قمة المناخ إلى تمويل عادل للتكيف في إفريقيا",
        "summary": "دعا الوفد المغربي إلى تسريع تمويل التكيف مع التغيرات المناخية. وتطالب الدول الإفريقية بآليات أبسط للولوج إلى الصناديق.",
        "paragraphs": [
            "دعا الوفد المغربي المشارك في أشغال قمة المناخ إلى تسريع تعبئة التمويلات الموجهة للتكيف مع التغيرات المناخية، خاصة لفائدة الدول الإفريقية.",
            "وأكد الوفد أن القارة تساهم بنسبة ضئيلة في الانبعاثات العالمية، لكنها تتحمل جزءًا كبيرًا من آثار الجفاف والفيضانات وتراجع الأمن الغذائي.",
            "وتطالب الدول الإفريقية بتبسيط مساطر الولوج إلى الصناديق الدولية، وبأن تتحول الوعود المعلنة إلى مشاريع ملموسة على الأرض.",
        ],
        "tags": ["المناخ", "إفريقيا"],
    },
    {
        "slug": "malaib-mondial-2030",
        "section": "sport",
        "author": "youssef-amrani",
        "hours_ago": 48,
        "title": "أوراش ملاعب مونديال 2030 تتسارع في عدة مدن",
        "summary": "تتواصل أشغال تأهيل الملاعب المرشحة لاحتضان مباريات مونديال 2030. وتشمل الأوراش كذلك النقل والفنادق.",
        "paragraphs": [
            "تتسارع وتيرة الأشغال في عدد من الملاعب المرشحة لاحتضان مباريات كأس العالم 2030، التي ينظمها المغرب بشراكة مع إسبانيا والبرتغال.",
            "ولا تقتصر الاستعدادات على الملاعب، إذ تشمل أيضًا توسيع شبكات النقل وتأهيل الفنادق ومراكز التدريب، بما يستجيب لمعايير الاتحاد الدولي لكرة القدم.",
            "ويأمل الفاعلون الاقتصاديون أن تترك هذه الاستثمارات أثرًا دائمًا على المدن المضيفة بعد انتهاء البطولة، وأن لا تبقى المنشآت مهجورة كما حدث في تجارب دولية أخرى.",
        ],
        "tags": ["مونديال 2030", "كرة القدم"],
    },
]


# Each journalist's page in the English edition.
AUTHOR_TRANSLATIONS = {
    "salma-bennani": {
        "name": "Salma Bennani",
        "role": "Economy reporter",
        "bio": "Salma Bennani has covered ports, energy and farming for eight years, and writes about the economy from the field and the figures.",
    },
    "youssef-amrani": {
        "name": "Youssef Amrani",
        "role": "Society reporter",
        "bio": "Youssef Amrani covers education, water and rural Morocco, with a taste for field investigations.",
    },
}

# French footer page slug -> (Arabic slug, title, paragraphs and ("h2", heading)).
FOOTER_PAGES = {
    "a-propos": (
        "من-نحن",
        "من نحن",
        [
            "مانشيت جريدة إلكترونية تغطي أخبار المغرب وإفريقيا والعالم بالفرنسية والعربية والإنجليزية.",
            ("h2", "هيئة التحرير"),
            "يتحقق صحافيونا في الرباط والدار البيضاء وطنجة من كل خبر ويقارنون مصادره ويضعونه في سياقه قبل نشره.",
        ],
    ),
    "contact": (
        "اتصل-بنا",
        "اتصل بنا",
        [
            "خبر تودّون إطلاعنا عليه، أو خطأ يستوجب التصحيح، أو سؤال حول مقال؟ راسلوا هيئة التحرير: redaction@manchette.example.",
            ("h2", "العنوان"),
            "مانشيت، 12 شارع العرض، 10000 الرباط، المغرب.",
        ],
    ),
    "mentions-legales": (
        "بيانات-قانونية",
        "بيانات قانونية",
        [
            "يصدر الموقع عن شركة مانشيت ش.م.م، المسجلة في السجل التجاري بالرباط. مدير النشر: مسيّر الشركة.",
            ("h2", "الملكية الفكرية"),
            "المقالات والصور والرسوم محمية بحقوق المؤلف. يُمنع نسخها دون إذن كتابي، باستثناء الاقتباس القصير مع ذكر المصدر.",
        ],
    ),
    "politique-de-confidentialite": (
        "سياسة-الخصوصية",
        "سياسة الخصوصية",
        [
            "لا نجمع إلا المعطيات اللازمة للخدمة التي تطلبونها: عنوان بريدكم الإلكتروني للنشرة، واسمكم وعنوانكم للتعليق.",
            ("h2", "حقوقكم"),
            "طبقًا للقانون 09-08، يمكنكم الاطلاع على معطياتكم أو تصحيحها أو طلب حذفها بمراسلة donnees@manchette.example. وتتضمن كل نشرة رابطًا لإلغاء الاشتراك.",
        ],
    ),
    "conditions-d-utilisation": (
        "شروط-الاستخدام",
        "شروط الاستخدام",
        [
            "باستخدامكم هذا الموقع، فإنكم تقبلون هذه الشروط. وقد تتغير، والنسخة المنشورة على الموقع هي المعتمدة.",
            ("h2", "التعليقات"),
            "تخضع التعليقات للمراجعة قبل نشرها، ولا تُنشر التعليقات المسيئة أو التشهيرية أو العنصرية أو الخارجة عن الموضوع.",
        ],
    ),
    "charte-editoriale": (
        "الميثاق-التحريري",
        "الميثاق التحريري",
        [
            "يميّز صحافيونا بين الوقائع والآراء، ويذكرون مصادرهم كلما أمكن، ويمنحون الكلمة للأشخاص المعنيين.",
            ("h2", "التصحيحات"),
            "حين نخطئ نقول ذلك: يُشار إلى كل تصحيح في أعلى المقال مع تاريخه.",
        ],
    ),
}
