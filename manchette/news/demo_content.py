"""Demo newsroom content for Manchette: sections, journalists and 30 articles.

Pure data, used by ``manchette.news.demo`` (``manage.py seed_demo``). Every
article, person, company and quotation below is fictional and written for this
project; public institutions and places are only used as a plausible setting.
Run ``check()`` after editing to catch broken references.
"""

from __future__ import annotations

# (slug, title, description), in display order.
SECTIONS = [
    (
        "politique",
        "Politique",
        "Gouvernement, Parlement, collectivités territoriales et vie des partis : l’actualité politique du Maroc, décryptée.",
    ),
    (
        "economie",
        "Économie",
        "Entreprises, énergie, agriculture, ports et tourisme : les chiffres et les acteurs qui font l’économie marocaine.",
    ),
    (
        "societe",
        "Société",
        "Éducation, santé, eau, vie quotidienne : reportages et enquêtes au plus près des Marocains.",
    ),
    (
        "monde",
        "Monde",
        "Diplomatie, climat, élections et grands équilibres internationaux, vus depuis le Maroc et l’Afrique.",
    ),
    (
        "sport",
        "Sport",
        "Football, athlétisme et grands événements : résultats, coulisses et préparation du Mondial 2030.",
    ),
    (
        "culture",
        "Culture",
        "Cinéma, livres, patrimoine et festivals : la vie culturelle marocaine et ses créateurs.",
    ),
    (
        "tech",
        "Tech",
        "Transition numérique, intelligence artificielle et start-up : l’innovation marocaine et ses enjeux.",
    ),
]

# Fictional journalists of the demo newsroom.
AUTHORS = [
    {
        "slug": "ines-lamrani",
        "name": "Inès Lamrani",
        "role": "Cheffe du service Politique",
        "bio": "Inès Lamrani suit le Parlement et les collectivités territoriales depuis une dizaine d’années. Diplômée en sciences politiques, elle s’intéresse particulièrement à la décentralisation et aux réformes de l’administration.",
    },
    {
        "slug": "hamza-ouchen",
        "name": "Hamza Ouchen",
        "role": "Journaliste Économie",
        "bio": "Hamza Ouchen couvre l’énergie, les ports et l’agriculture. Ancien analyste dans un cabinet de conseil à Casablanca, il aime raconter l’économie à partir du terrain et des chiffres.",
    },
    {
        "slug": "leila-bensouda",
        "name": "Leïla Bensouda",
        "role": "Reporter Société et Santé",
        "bio": "Leïla Bensouda sillonne le pays pour ses reportages sur l’école, l’hôpital et l’accès à l’eau. Elle a auparavant travaillé pour une radio régionale à Marrakech.",
    },
    {
        "slug": "mehdi-raiss",
        "name": "Mehdi Raïss",
        "role": "Journaliste Sport",
        "bio": "Mehdi Raïss suit la sélection nationale, la Botola et le football féminin. Il prépare depuis plusieurs années la couverture de la Coupe du monde 2030.",
    },
    {
        "slug": "sofia-azzouzi",
        "name": "Sofia Azzouzi",
        "role": "Journaliste Culture",
        "bio": "Sofia Azzouzi écrit sur le cinéma, la littérature et le patrimoine. Elle fréquente assidûment les festivals du Maroc et du continent africain.",
    },
    {
        "slug": "anas-fikri",
        "name": "Anas Fikri",
        "role": "Journaliste Tech et International",
        "bio": "Anas Fikri couvre la transition numérique, l’intelligence artificielle et les négociations internationales. Ingénieur de formation, il a rejoint la rédaction après un passage dans une start-up.",
    },
]

ARTICLES = [
    # ------------------------------------------------------------------ Politique
    {
        "slug": "loi-administration-numerique-adoptee",
        "section": "politique",
        "title": "Le Parlement adopte la loi sur l’administration numérique",
        "summary": "Les députés ont voté mardi soir le texte qui fixe à 2028 la fin des démarches papier pour les principales procédures. L’opposition dénonce un calendrier trop serré pour les communes rurales.",
        "paragraphs": [
            "La Chambre des représentants a adopté mardi soir, à Rabat, le projet de loi relatif à l’administration numérique, par 214 voix contre 61. Porté par la ministre de la Transition numérique, le texte impose aux administrations de proposer en ligne, d’ici 2028, les cent démarches les plus demandées par les citoyens et les entreprises, de l’extrait d’acte de naissance au permis de construire.",
            "Concrètement, chaque administration devra publier un calendrier de numérisation et désigner un responsable chargé de son suivi. Les pièces déjà fournies à un service public ne pourront plus être réclamées une seconde fois : c’est le principe du « dites-le-nous une fois », inspiré de plusieurs pays européens. Un guichet unique, accessible sur ordinateur comme sur téléphone, centralisera les demandes et permettra d’en suivre le traitement.",
            "Le gouvernement met en avant des gains de temps considérables. Selon l’étude d’impact annexée au projet, un usager effectue en moyenne sept déplacements par an dans une administration, pour un coût estimé à près de 400 dirhams en transport et en heures de travail perdues. La numérisation doit aussi réduire les délais de traitement et limiter les occasions de petite corruption aux guichets.",
            "Dans l’hémicycle, l’opposition a salué l’objectif tout en contestant la méthode. Plusieurs députés ont rappelé que de nombreuses communes rurales ne disposent ni d’une connexion stable ni de personnel formé, et que les personnes âgées ou peu alphabétisées risquent d’être laissées pour compte. Un amendement visant à repousser l’échéance de deux ans a été rejeté à une courte majorité.",
            "Pour répondre à ces critiques, le texte prévoit le maintien d’un accueil physique dans chaque commune pendant une période de transition, ainsi que le déploiement d’« écrivains publics numériques », des agents chargés d’accompagner les usagers peu familiers des outils en ligne. Un fonds de 1,2 milliard de dirhams doit financer l’équipement des collectivités et la formation de quelque 15 000 fonctionnaires.",
            "Le projet doit désormais être examiné par la Chambre des conseillers, où un vote est attendu avant la fin de la session de printemps. Une vingtaine de décrets d’application préciseront ensuite les règles de protection des données personnelles et d’interopérabilité entre les systèmes d’information des ministères. Leur rédaction s’annonce comme le véritable test de la réforme.",
        ],
        "heading_before": (4, "Un fonds pour les communes rurales"),
        "quote": {
            "after": 3,
            "text": "Nous ne voulons pas d’un État numérique à deux vitesses : chaque citoyen doit pouvoir choisir entre le guichet et l’écran.",
            "attribution": "Hicham Zerouali, député d’une circonscription du Haut-Atlas",
        },
        "read_also": {"after": 1, "slug": "application-identite-numerique-lancement"},
        "tags": ["transition numérique"],
        "authors": ["ines-lamrani"],
        "hours_ago": 3,
        "featured": True,
    },
    {
        "slug": "regions-competences-gestion-eau",
        "section": "politique",
        "title": "Eau : les régions obtiennent de nouvelles compétences",
        "summary": "Un décret publié jeudi transfère aux conseils régionaux une partie de la gestion des ressources hydriques. Les élus réclament des moyens à la hauteur de la tâche.",
        "paragraphs": [
            "Le gouvernement a publié jeudi au Bulletin officiel un décret qui transfère aux douze conseils régionaux du Royaume une partie des compétences liées à la gestion de l’eau. Les régions pourront désormais financer et piloter directement des projets de retenues collinaires, de réutilisation des eaux usées et de modernisation des réseaux d’irrigation, jusqu’ici décidés presque exclusivement à l’échelon central.",
            "Ce transfert intervient après plusieurs années de sécheresse qui ont mis sous pression les nappes phréatiques, notamment dans le Souss, le Tensift et l’Oriental. Les agences de bassin hydraulique conservent leur rôle de police de l’eau et de contrôle des prélèvements, mais elles devront associer les régions à l’élaboration des plans directeurs, révisés tous les cinq ans.",
            "Les présidents de région accueillent la mesure avec prudence. Beaucoup rappellent que les budgets régionaux restent modestes et très dépendants des transferts de l’État. Selon une note interne consultée par Manchette, la modernisation complète des réseaux d’irrigation d’une seule grande plaine agricole représenterait plusieurs années du budget d’investissement d’une région moyenne.",
            "Le ministère de l’Intérieur assure qu’un fonds de péréquation sera mobilisé pour les territoires les plus exposés au stress hydrique. Des conventions-cadres, signées région par région, doivent préciser d’ici la fin de l’année la répartition des responsabilités et des financements entre l’État, les agences de bassin et les collectivités.",
            "Pour les agriculteurs, l’enjeu est immédiat. Dans plusieurs périmètres irrigués, les dotations en eau ont été réduites de moitié lors de la dernière campagne. Les organisations professionnelles demandent que les nouvelles compétences régionales servent en priorité à soutenir la reconversion vers des cultures moins gourmandes et l’équipement en goutte-à-goutte des petites exploitations.",
        ],
        "heading_before": None,
        "quote": {
            "after": 2,
            "text": "Nous héritons d’une responsabilité considérable. Sans ressources nouvelles, ce sera une compétence sur le papier.",
            "attribution": "Fatima-Zahra Ait Lhaj, vice-présidente d’un conseil régional",
        },
        "read_also": {"after": 3, "slug": "dessalement-casablanca-chantier-avance"},
        "tags": ["eau", "agriculture"],
        "authors": ["ines-lamrani", "hamza-ouchen"],
        "hours_ago": 22,
        "featured": False,
    },
    {
        "slug": "elections-partielles-participation-en-hausse",
        "section": "politique",
        "title": "Élections partielles : la participation surprend dans deux communes rurales",
        "summary": "Près de 58 % des inscrits se sont rendus aux urnes dimanche dans deux communes de la province d’Azilal. Un score inhabituel pour un scrutin partiel.",
        "paragraphs": [
            "Les électeurs de deux communes rurales de la province d’Azilal étaient appelés aux urnes dimanche pour des élections partielles, organisées après l’annulation par la justice administrative des résultats du scrutin précédent. Selon les chiffres communiqués lundi par les autorités provinciales, la participation a atteint 57,8 %, contre 41 % lors du premier vote, une progression rare pour ce type de consultation.",
            "Sur le terrain, les observateurs attribuent ce sursaut à la nature du contentieux. L’annulation avait été prononcée pour des irrégularités dans l’établissement des procès-verbaux, une affaire qui a largement circulé sur les réseaux sociaux et dans les souks hebdomadaires. « Les gens sont venus vérifier que leur voix compte », résume un militant associatif de la vallée.",
            "Les deux sièges en jeu ont été remportés par des listes différentes, ce qui ne modifie pas les équilibres au sein des conseils communaux concernés. Les partis nationaux se sont pourtant fortement mobilisés : plusieurs dirigeants ont fait le déplacement pendant la campagne, signe de l’intérêt porté à ces territoires de montagne à l’approche des prochaines échéances législatives.",
            "Les associations qui ont suivi le scrutin relèvent des améliorations, notamment l’affichage des résultats dans chaque bureau de vote dès la fin du dépouillement. Elles regrettent en revanche l’éloignement de certains bureaux, parfois situés à plus de dix kilomètres des douars, et demandent la mise en place de transports pour les électeurs âgés.",
            "Le ministère de l’Intérieur a indiqué qu’aucun recours n’avait été déposé dans le délai légal. Les nouveaux élus doivent être installés dans leurs fonctions d’ici deux semaines, lors d’une session extraordinaire des conseils communaux concernés, consacrée notamment à l’adoption du programme d’action et du budget de l’année.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": {"after": 3, "slug": "canada-municipales-vote-en-ligne"},
        "tags": ["élections"],
        "authors": ["ines-lamrani"],
        "hours_ago": 84,
        "featured": False,
    },
    {
        "slug": "maroc-senegal-accord-formation-professionnelle",
        "section": "politique",
        "title": "Rabat et Dakar signent un accord sur la formation professionnelle",
        "summary": "Les deux pays vont créer des filières communes dans le numérique, l’agriculture et la logistique. Un millier de stagiaires sénégalais seront accueillis chaque année au Maroc.",
        "paragraphs": [
            "Le Maroc et le Sénégal ont signé vendredi à Dakar un accord de coopération dans le domaine de la formation professionnelle, en marge d’une commission mixte présidée par les ministres des Affaires étrangères des deux pays. Le texte prévoit la création de filières communes et l’accueil, chaque année, d’un millier de stagiaires sénégalais dans les instituts marocains.",
            "Trois secteurs sont jugés prioritaires : le numérique, l’agriculture et la logistique portuaire. Les programmes seront élaborés conjointement par les organismes de formation des deux pays, avec des diplômes reconnus des deux côtés. Des formateurs marocains seront également détachés à Dakar et à Thiès pour accompagner l’ouverture de deux centres spécialisés d’ici la rentrée prochaine.",
            "Pour la diplomatie marocaine, l’accord illustre une stratégie africaine qui mise de plus en plus sur le capital humain. Après les banques, les télécommunications et les engrais, ce sont désormais les compétences qui servent de trait d’union. Plusieurs milliers d’étudiants d’Afrique subsaharienne sont déjà inscrits dans les universités et les écoles du Royaume.",
            "Côté sénégalais, les autorités insistent sur l’adaptation des cursus aux besoins du marché local, afin de limiter la fuite des compétences. Les entreprises installées dans la zone économique spéciale de Diamniadio seront associées à la définition des stages, et une partie des formations se déroulera en alternance entre les deux pays.",
            "Un comité de suivi se réunira tous les six mois pour évaluer la mise en œuvre de l’accord. Les deux gouvernements envisagent déjà de l’étendre aux métiers de la santé, notamment la formation d’infirmiers et de techniciens de laboratoire, un secteur où les besoins sont pressants des deux côtés.",
        ],
        "heading_before": None,
        "quote": {
            "after": 3,
            "text": "Nous voulons former des techniciens qui feront tourner nos ports et nos exploitations, pas des diplômés condamnés à partir.",
            "attribution": "Ndèye Coumba Faye, directrice d’un institut de formation à Thiès",
        },
        "read_also": None,
        "tags": ["diplomatie", "éducation"],
        "authors": ["ines-lamrani"],
        "hours_ago": 200,
        "featured": False,
    },
    {
        "slug": "carte-sanitaire-regionale-debat-parlement",
        "section": "politique",
        "title": "Carte sanitaire : les députés veulent des médecins dans chaque province",
        "summary": "La commission des secteurs sociaux a entamé l’examen du projet de loi sur la carte sanitaire régionale. Au cœur des débats : la répartition des médecins entre villes et campagnes.",
        "paragraphs": [
            "La commission des secteurs sociaux de la Chambre des représentants a entamé mercredi, à Rabat, l’examen du projet de loi relatif à la carte sanitaire régionale. Présenté par le ministre de la Santé, le texte doit permettre de planifier, région par région, l’implantation des hôpitaux, des centres de santé et des équipements lourds, en fonction des besoins réels de la population.",
            "Le constat est connu : les médecins restent concentrés sur l’axe Casablanca-Rabat et dans les grandes villes, tandis que certaines provinces comptent moins d’un praticien pour 5 000 habitants. Le projet prévoit que toute nouvelle autorisation d’ouverture d’une clinique ou d’acquisition d’un scanner soit conditionnée à sa conformité avec la carte régionale.",
            "Plusieurs députés ont réclamé des mesures plus contraignantes, comme un service obligatoire de deux ans dans les zones sous-dotées pour les jeunes médecins formés dans les facultés publiques. Le gouvernement écarte cette piste à ce stade et privilégie les incitations : primes d’éloignement, logement de fonction et accès facilité à la formation continue.",
            "Les syndicats de médecins, auditionnés la semaine prochaine, ont déjà fait savoir qu’ils s’opposeraient à toute forme d’obligation. Ils demandent en priorité une amélioration des conditions de travail dans les hôpitaux régionaux, où les équipes dénoncent le manque de personnel paramédical et des plateaux techniques vieillissants.",
            "Le calendrier reste serré. Le gouvernement espère une adoption définitive avant la fin de l’année, afin que les premières cartes régionales entrent en vigueur au prochain exercice budgétaire. Les groupements sanitaires territoriaux, créés dans le cadre de la réforme du système de santé, seront chargés de les élaborer et de les réviser.",
        ],
        "heading_before": (2, "Le débat sur l’obligation d’exercice"),
        "quote": {
            "after": 2,
            "text": "Une carte sanitaire sans médecins pour la remplir, c’est un dessin, pas une politique.",
            "attribution": "Saïd Ouhammou, membre de la commission des secteurs sociaux",
        },
        "read_also": None,
        "tags": ["santé"],
        "authors": ["ines-lamrani", "leila-bensouda"],
        "hours_ago": 560,
        "featured": False,
    },
    # ------------------------------------------------------------------- Économie
    {
        "slug": "nador-west-med-premiers-porte-conteneurs",
        "section": "economie",
        "title": "Nador West Med accueille ses premiers porte-conteneurs",
        "summary": "Le nouveau port de l’Oriental a traité cette semaine ses premières escales commerciales. Les autorités espèrent en faire un moteur industriel pour toute la région.",
        "paragraphs": [
            "Le port de Nador West Med, sur la côte méditerranéenne de l’Oriental, a accueilli lundi et mardi ses deux premiers porte-conteneurs commerciaux, marquant le début de son exploitation après plusieurs années de travaux. Les navires, en provenance d’Algésiras et de Port-Saïd, ont déchargé quelque 3 200 conteneurs sous le regard des responsables de l’autorité portuaire et des élus régionaux.",
            "Conçu pour traiter à terme plus de trois millions de conteneurs par an, le terminal dispose de quais en eau profonde capables de recevoir les plus grands navires du marché. Un poste pétrolier et un terminal pour le vrac complètent l’ensemble, qui doit également accueillir des installations gazières dans le cadre de la stratégie nationale de diversification énergétique.",
            "L’enjeu dépasse la seule activité portuaire. Une zone industrielle et logistique de plusieurs centaines d’hectares est aménagée à l’arrière du port, où les autorités espèrent attirer des industriels de l’automobile, de la métallurgie et de l’agroalimentaire. Plusieurs protocoles d’accord ont été signés, mais les premières implantations ne sont pas attendues avant l’an prochain.",
            "Dans l’Oriental, région longtemps marquée par un chômage élevé, les attentes sont fortes. « Nous voulons que nos jeunes trouvent du travail ici, pas à Tanger ou à l’étranger », confie le responsable d’une association de commerçants de Nador. L’autorité portuaire annonce 1 500 emplois directs lorsque le terminal aura atteint son rythme de croisière.",
            "Reste la question de la concurrence avec Tanger Med, premier port à conteneurs de Méditerranée. Les responsables du secteur assurent que les deux plateformes seront complémentaires, Nador West Med pouvant absorber une partie du trafic de transbordement lorsque le port tangérois approche de la saturation.",
        ],
        "heading_before": (2, "Une zone industrielle à remplir"),
        "quote": None,
        "read_also": {"after": 1, "slug": "mer-rouge-armateurs-detour-tanger-med"},
        "tags": ["ports"],
        "authors": ["hamza-ouchen"],
        "hours_ago": 410,
        "featured": False,
    },
    {
        "slug": "hydrogene-vert-consortium-guelmim",
        "section": "economie",
        "title": "Hydrogène vert : un consortium engage 4 milliards d’euros dans le Sud",
        "summary": "Un groupement d’investisseurs marocains et européens a signé une convention pour produire de l’ammoniac vert près de Guelmim. Le chantier doit mobiliser plusieurs milliers de personnes.",
        "paragraphs": [
            "Un consortium réunissant un énergéticien marocain et deux fonds d’investissement européens a signé mercredi, à Rabat, une convention avec le gouvernement pour construire un complexe de production d’hydrogène vert dans la région de Guelmim-Oued Noun. Le montant annoncé, 4 milliards d’euros, en fait l’un des plus importants investissements privés jamais engagés dans le sud du pays.",
            "Le projet associe des parcs éoliens et solaires d’une capacité cumulée de 3 gigawatts à des électrolyseurs qui produiront de l’hydrogène, ensuite transformé en ammoniac. Celui-ci sera en partie exporté vers l’Europe depuis un terminal dédié, et en partie destiné aux usines d’engrais nationales, qui dépendent aujourd’hui largement de l’ammoniac importé.",
            "Pour le gouvernement, ce contrat est l’une des premières concrétisations de l’« offre Maroc » en faveur de l’hydrogène vert, qui met à disposition des investisseurs du foncier public en échange d’engagements sur l’emploi local et l’intégration industrielle. Le consortium s’est engagé à confier à des entreprises marocaines au moins 35 % de la valeur des travaux de construction.",
            "La question de l’eau, indispensable à l’électrolyse, a fait l’objet d’une attention particulière. Le complexe sera alimenté par une unité de dessalement d’eau de mer financée par le consortium, dont une partie de la production sera cédée aux communes voisines. Les associations environnementales demandent toutefois la publication intégrale de l’étude d’impact.",
            "La construction doit débuter l’an prochain, pour une première production attendue dans quatre ans. Le chantier mobiliserait jusqu’à 6 000 personnes à son pic, puis environ 800 emplois permanents. Les économistes soulignent néanmoins que la rentabilité dépendra du prix de l’hydrogène sur le marché européen, encore très incertain.",
        ],
        "heading_before": (3, "La question de l’eau"),
        "quote": {
            "after": 1,
            "text": "Le soleil et le vent du Sud sont une matière première. Notre défi, c’est de transformer cet avantage en industrie et en emplois qualifiés.",
            "attribution": "Othmane Lahrichi, directeur général du consortium",
        },
        "read_also": {"after": 3, "slug": "dessalement-casablanca-chantier-avance"},
        "tags": ["énergies renouvelables"],
        "authors": ["hamza-ouchen"],
        "hours_ago": 9,
        "featured": True,
    },
    {
        "slug": "agrumes-campagne-export-berkane-souss",
        "section": "economie",
        "title": "Agrumes : une campagne d’exportation en demi-teinte malgré le retour des pluies",
        "summary": "Les exportations de clémentines et d’oranges progressent de 6 % sur les quatre premiers mois de la saison. Les producteurs restent inquiets pour les nappes du Souss.",
        "paragraphs": [
            "Les exportateurs d’agrumes ont dressé jeudi à Agadir un premier bilan de la campagne en cours, lors de l’assemblée générale de leur fédération. Sur les quatre premiers mois de la saison, les expéditions de clémentines, d’oranges et de petits fruits ont progressé de 6 % en volume, portées par le retour des pluies dans l’Oriental et par une demande soutenue en Europe et en Afrique de l’Ouest.",
            "La région de Berkane, réputée pour sa clémentine, tire particulièrement son épingle du jeu. Les barrages de la Moulouya ont retrouvé un niveau de remplissage suffisant pour assurer l’irrigation de la saison, ce qui n’était plus le cas depuis trois ans. Les calibres sont jugés satisfaisants et les prix à l’export se maintiennent à un niveau élevé.",
            "Le tableau est plus sombre dans le Souss, premier bassin agrumicole du pays. Les nappes phréatiques y ont encore baissé, et de nombreux producteurs ont dû arracher une partie de leurs vergers faute d’eau. Certaines exploitations irriguent désormais avec de l’eau dessalée, mais son coût, nettement plus élevé, pèse sur la rentabilité des petites et moyennes fermes.",
            "La fédération plaide pour une stratégie de long terme, combinant variétés plus tolérantes à la sécheresse, capteurs d’humidité du sol et tarification de l’eau dessalée adaptée à l’agriculture. Elle demande aussi un effort sur la logistique : l’engorgement du port d’Agadir allonge les délais d’acheminement vers les marchés d’Europe du Nord.",
            "Sur les marchés, la concurrence s’intensifie avec l’Égypte et la Turquie, qui ont fortement augmenté leurs volumes ces dernières années. Les exportateurs marocains misent sur la qualité et sur la diversification vers le Canada, la Russie et les pays du Golfe pour compenser la pression sur les prix en Europe.",
        ],
        "heading_before": None,
        "quote": {
            "after": 2,
            "text": "Dans le Souss, chaque hectare d’agrumes est devenu un pari sur la pluie et sur le prix du mètre cube dessalé.",
            "attribution": "Abdelilah Amzil, producteur à Taroudant",
        },
        "read_also": {"after": 3, "slug": "agritech-capteurs-irrigation-levee-fonds"},
        "tags": ["agriculture", "eau"],
        "authors": ["hamza-ouchen"],
        "hours_ago": 150,
        "featured": False,
    },
    {
        "slug": "tourisme-arrivees-hausse-fes-dakhla",
        "section": "economie",
        "title": "Tourisme : les arrivées en hausse de 14 %, Fès et Dakhla en vedette",
        "summary": "Le Maroc a accueilli 4,1 millions de visiteurs depuis janvier, selon l’Observatoire du tourisme. Les nouvelles lignes aériennes profitent aux destinations secondaires.",
        "paragraphs": [
            "Le Maroc a accueilli 4,1 millions de touristes depuis le début de l’année, soit une hausse de 14 % par rapport à la même période de l’an dernier, selon les chiffres publiés lundi par l’Observatoire du tourisme. Les Marocains résidant à l’étranger représentent un peu moins de la moitié des arrivées, une part stable, tandis que les clientèles européennes poursuivent leur progression.",
            "La croissance ne profite plus seulement à Marrakech et à Agadir. Fès enregistre une hausse de 22 % des nuitées, portée par l’ouverture de nouvelles lignes aériennes à bas coût depuis l’Espagne, l’Italie et l’Allemagne. Dakhla, devenue une destination prisée des amateurs de kitesurf, voit sa fréquentation progresser de près d’un tiers.",
            "Les professionnels saluent ces résultats mais alertent sur les capacités d’accueil. Dans plusieurs villes, les hôtels affichent complet lors des longs week-ends et des vacances scolaires européennes, et les prix s’envolent. Les investissements dans de nouveaux établissements de moyenne gamme tardent, faute de foncier disponible et de financements bancaires adaptés.",
            "Le ministère du Tourisme mise sur la montée en gamme de l’offre et sur la formation. Un programme vise à former 20 000 jeunes aux métiers de l’hôtellerie et de la restauration d’ici deux ans, alors que les établissements peinent à recruter des cuisiniers, des réceptionnistes et des guides qualifiés, notamment hors saison.",
            "L’horizon de la Coupe du monde 2030, coorganisée avec l’Espagne et le Portugal, sert de fil conducteur à la stratégie. Le secteur espère franchir le cap des 26 millions de visiteurs à la fin de la décennie, un objectif jugé atteignable si le rythme actuel se maintient et si l’offre aérienne continue de s’étoffer.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": None,
        "tags": ["tourisme"],
        "authors": ["hamza-ouchen"],
        "hours_ago": 45,
        "featured": False,
    },
    # -------------------------------------------------------------------- Société
    {
        "slug": "dessalement-casablanca-chantier-avance",
        "section": "societe",
        "title": "Dessalement : à Casablanca, la course contre la sécheresse",
        "summary": "La future station de dessalement de la région de Casablanca-Settat a franchi un nouveau cap. Sa mise en service partielle est attendue l’été prochain.",
        "paragraphs": [
            "Sur la côte, au sud de Casablanca, le chantier de la future station de dessalement d’eau de mer a atteint cette semaine 70 % d’avancement, selon l’Office national de l’électricité et de l’eau potable. La première tranche, d’une capacité de 300 millions de mètres cubes par an, doit alimenter à partir de l’été prochain plusieurs millions d’habitants de la région de Casablanca-Settat.",
            "Des centaines d’ouvriers se relaient jour et nuit sur le site, où s’alignent déjà les bassins de prétraitement et les bâtiments qui abriteront les membranes d’osmose inverse. Deux conduites géantes puiseront l’eau au large avant de rejeter la saumure à plusieurs centaines de mètres du rivage, afin de limiter l’impact sur la faune marine.",
            "L’usine sera alimentée en électricité d’origine renouvelable, grâce à des contrats passés avec des parcs éoliens du Sud. Un point crucial, car le dessalement consomme beaucoup d’énergie : sans ce choix, le coût du mètre cube et l’empreinte carbone du projet auraient été bien plus élevés, soulignent les ingénieurs rencontrés sur place.",
            "Dans les quartiers, la sécheresse a déjà changé les habitudes. Les baisses de pression nocturnes, les restrictions d’arrosage et la fermeture des hammams certains jours de la semaine ont marqué les esprits. « On a appris à faire attention à chaque seau », raconte Khadija, mère de trois enfants à Hay Hassani, qui attend la nouvelle usine « avec impatience ».",
            "Les spécialistes rappellent toutefois que le dessalement ne suffira pas. La réduction des fuites sur les réseaux, qui atteignent encore un quart des volumes dans certaines villes, et la réutilisation des eaux usées pour l’arrosage des espaces verts restent, selon eux, les leviers les moins coûteux pour sécuriser l’approvisionnement.",
        ],
        "heading_before": (3, "Dans les quartiers, de nouvelles habitudes"),
        "quote": {
            "after": 4,
            "text": "Le dessalement achète du temps. Il ne nous dispense pas de changer notre rapport à l’eau.",
            "attribution": "Nouhaila Bennis, hydrologue",
        },
        "read_also": {"after": 2, "slug": "regions-competences-gestion-eau"},
        "tags": ["eau", "énergies renouvelables"],
        "authors": ["leila-bensouda"],
        "hours_ago": 31,
        "featured": False,
    },
    {
        "slug": "ecoles-pionnieres-extension-rentree",
        "section": "societe",
        "title": "Écoles pionnières : le modèle étendu à 2 000 établissements supplémentaires",
        "summary": "Le ministère de l’Éducation nationale élargit le dispositif des écoles pionnières à la rentrée prochaine. Enseignants et parents saluent les progrès en lecture, mais s’inquiètent des moyens.",
        "paragraphs": [
            "Le ministère de l’Éducation nationale a annoncé lundi, à Rabat, l’extension du programme des « écoles pionnières » à 2 000 écoles primaires supplémentaires dès la rentrée prochaine. Lancé il y a deux ans dans quelques centaines d’établissements, le dispositif repose sur un enseignement structuré, des évaluations régulières et un soutien ciblé aux élèves en difficulté.",
            "Les premiers résultats, présentés lors d’une conférence de presse, sont encourageants. Dans les écoles concernées, la part des élèves de quatrième année capables de lire un texte simple en arabe et en français aurait nettement progressé, selon les évaluations internes du ministère. Une étude indépendante, confiée à une équipe universitaire, doit confirmer ces chiffres d’ici l’automne.",
            "À Salé, dans une école du quartier de Sidi Moussa, les enseignants décrivent un changement de rythme. Les séances de remédiation se déroulent en petits groupes, trois fois par semaine, et chaque élève dispose d’une fiche de suivi. « Au début, on avait l’impression de remplir des tableaux. Maintenant, on voit qui décroche dès la deuxième semaine », explique une institutrice.",
            "Les syndicats d’enseignants ne contestent pas la démarche, mais réclament des moyens supplémentaires. Ils pointent des classes encore surchargées dans les périphéries urbaines, un manque de manuels adaptés et des primes promises qui tardent à être versées. Les associations de parents demandent, elles, que les écoles rurales multigrades ne soient pas oubliées.",
            "Le ministère assure que la formation des 12 000 enseignants concernés débutera dès juillet, avec des sessions intensives dans les centres régionaux des métiers de l’éducation et de la formation. L’objectif affiché est de couvrir l’ensemble des écoles primaires publiques d’ici quatre ans, un calendrier que beaucoup jugent ambitieux.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": {"after": 3, "slug": "salon-livre-jeunesse-tanger-ecoles"},
        "tags": ["éducation"],
        "authors": ["leila-bensouda"],
        "hours_ago": 300,
        "featured": False,
    },
    {
        "slug": "teleconsultation-centres-sante-haut-atlas",
        "section": "societe",
        "title": "Dans le Haut-Atlas, la téléconsultation rapproche les spécialistes des villages",
        "summary": "Vingt-deux centres de santé ruraux de la province d’Al Haouz sont désormais reliés au CHU de Marrakech. Cardiologues, dermatologues et pédiatres y consultent à distance.",
        "paragraphs": [
            "Depuis le début du mois, vingt-deux centres de santé ruraux de la province d’Al Haouz, dans le Haut-Atlas, sont reliés par vidéo au centre hospitalier universitaire de Marrakech. Les patients peuvent y consulter un cardiologue, un dermatologue ou un pédiatre sans parcourir les deux ou trois heures de route qui les séparaient jusqu’ici de la ville.",
            "À Asni, l’infirmière du centre installe le patient devant un écran, pose les électrodes de l’électrocardiogramme et transmet les résultats en direct au spécialiste. La consultation dure une vingtaine de minutes. « Avant, beaucoup renonçaient, surtout les personnes âgées. Le voyage coûtait plus cher que les médicaments », résume-t-elle.",
            "Le programme, financé par le ministère de la Santé et un bailleur international, a nécessité l’installation de connexions par satellite dans les douars les plus isolés, où le réseau mobile reste aléatoire. Chaque centre a été équipé d’un chariot de télémédecine comprenant une caméra haute définition, un stéthoscope connecté et un otoscope numérique.",
            "Les premiers chiffres montrent une forte demande : plus de 1 300 téléconsultations ont été réalisées en trois semaines, dont près d’un tiers en pédiatrie. Les médecins de Marrakech y consacrent des créneaux fixes chaque jour, ce qui permet aussi de désengorger les urgences du CHU, souvent saturées par des cas qui auraient pu être traités plus tôt.",
            "Les professionnels rappellent néanmoins les limites de l’outil. Un examen clinique complet reste parfois indispensable, et la réussite du dispositif dépend de la présence d’infirmiers formés dans chaque centre. Le ministère prévoit d’étendre l’expérience à quatre autres provinces de montagne d’ici la fin de l’année, si l’évaluation en cours est concluante.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": {"after": 3, "slug": "carte-sanitaire-regionale-debat-parlement"},
        "tags": ["santé", "transition numérique"],
        "authors": ["leila-bensouda"],
        "hours_ago": 96,
        "featured": False,
    },
    {
        # The short brief: two paragraphs only.
        "slug": "canicule-vigilance-orange-neuf-provinces",
        "section": "societe",
        "title": "Canicule : vigilance orange dans neuf provinces jusqu’à vendredi",
        "summary": "Des pointes à 46 degrés sont attendues dans l’intérieur du pays. Les autorités sanitaires appellent à la prudence.",
        "paragraphs": [
            "La Direction générale de la météorologie a placé mardi neuf provinces en vigilance orange pour une vague de chaleur qui doit durer jusqu’à vendredi. Les températures pourraient atteindre 46 degrés à Béni Mellal, à El Kelaâ des Sraghna et à Taroudant, et dépasser 42 degrés à Fès et à Meknès.",
            "Le ministère de la Santé recommande d’éviter les efforts physiques entre midi et 16 heures, de boire régulièrement et de veiller sur les personnes âgées et les nourrissons. Les centres de santé des zones concernées restent ouverts avec des horaires élargis.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": None,
        "tags": ["santé"],
        "authors": ["leila-bensouda"],
        "hours_ago": 2,
        "featured": False,
    },
    # ---------------------------------------------------------------------- Monde
    {
        "slug": "climat-negociations-financement-adaptation-afrique",
        "section": "monde",
        "title": "Climat : les pays africains font front sur le financement de l’adaptation",
        "summary": "Réunis à Bonn, les négociateurs africains exigent que l’adaptation pèse autant que la réduction des émissions. Les pays développés renvoient la question à la prochaine conférence des parties.",
        "paragraphs": [
            "Les négociateurs du groupe africain ont présenté jeudi à Bonn, en Allemagne, une position commune sur le financement de l’adaptation au changement climatique, lors de la session intermédiaire des négociations des Nations unies sur le climat. Ils demandent que les fonds consacrés à l’adaptation soient au moins doublés d’ici cinq ans et représentent la moitié des financements climatiques internationaux.",
            "Pour les pays du continent, qui émettent moins de 4 % des gaz à effet de serre mondiaux, l’urgence est de faire face aux sécheresses, aux inondations et à la montée des eaux déjà à l’œuvre. Les besoins d’adaptation de l’Afrique sont estimés à plusieurs dizaines de milliards de dollars par an, bien au-delà des montants effectivement versés.",
            "La délégation marocaine, qui coordonne plusieurs groupes de travail techniques, a mis en avant l’expérience nationale dans les énergies renouvelables et le dessalement. Rabat plaide pour des mécanismes de financement plus simples d’accès, alors que de nombreux pays africains renoncent à solliciter les fonds internationaux faute de capacités administratives pour monter des dossiers complexes.",
            "Du côté des pays développés, on reconnaît l’ampleur des besoins, mais on refuse de s’engager sur de nouveaux chiffres avant la prochaine conférence des parties. Plusieurs délégations européennes insistent sur la mobilisation du secteur privé et des banques multilatérales, une approche jugée insuffisante par les pays africains pour des projets d’adaptation rarement rentables.",
            "Les discussions doivent reprendre à l’automne. D’ici là, le groupe africain entend rallier d’autres coalitions, notamment les petits États insulaires et les pays les moins avancés, afin de peser davantage dans la dernière ligne droite des négociations, où se jouera le montant du futur objectif de financement.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "L’adaptation n’est pas une option pour nous. C’est la condition pour que nos agriculteurs continuent de semer.",
            "attribution": "Mariam Kouyaté, négociatrice du groupe africain",
        },
        "read_also": {"after": 2, "slug": "hydrogene-vert-consortium-guelmim"},
        "tags": ["diplomatie", "énergies renouvelables"],
        "authors": ["anas-fikri"],
        "hours_ago": 38,
        "featured": False,
    },
    {
        "slug": "canada-municipales-vote-en-ligne",
        "section": "monde",
        "title": "Canada : le vote en ligne s’étend aux élections municipales de l’Ontario",
        "summary": "Plus de deux cents municipalités ontariennes proposeront le vote par internet lors des prochaines élections locales. Les experts en cybersécurité appellent à la vigilance.",
        "paragraphs": [
            "À l’approche des élections municipales prévues à l’automne en Ontario, plus de deux cents municipalités de la province canadienne ont confirmé cette semaine qu’elles proposeraient le vote par internet, selon une association d’administrateurs électoraux. Dans plusieurs petites localités, le bulletin papier sera même entièrement remplacé par un vote à distance, par internet ou par téléphone.",
            "Les partisans du vote en ligne mettent en avant la participation. Aux élections locales, souvent boudées par les électeurs, les villes qui ont adopté cette modalité constatent en moyenne une hausse de quelques points du taux de participation, en particulier chez les personnes à mobilité réduite, les étudiants éloignés de leur domicile et les travailleurs aux horaires décalés.",
            "Les spécialistes de la cybersécurité restent toutefois partagés. Ils rappellent qu’un vote par internet ne permet pas de garantir à la fois le secret du vote et une vérification indépendante des résultats, comme le fait le dépouillement public des bulletins papier. En cas de panne ou d’attaque informatique, un recomptage est difficile, voire impossible.",
            "Les municipalités répondent par des audits confiés à des cabinets indépendants, des tests d’intrusion et des dispositifs de secours permettant de prolonger le scrutin en cas d’incident. Lors d’une précédente élection, une panne chez un prestataire avait contraint plusieurs dizaines de villes à prolonger le vote de vingt-quatre heures, un épisode resté dans les mémoires.",
            "L’expérience canadienne est suivie de près ailleurs, y compris au Maroc, où le débat sur la participation électorale des Marocains résidant à l’étranger refait régulièrement surface. Plusieurs chercheurs estiment que le vote électronique pourrait la faciliter, à condition de garantir un niveau de sécurité et de transparence irréprochable.",
        ],
        "heading_before": (2, "Des experts partagés"),
        "quote": None,
        "read_also": {
            "after": 4,
            "slug": "elections-partielles-participation-en-hausse",
        },
        "tags": ["élections", "transition numérique"],
        "authors": ["anas-fikri"],
        "hours_ago": 130,
        "featured": False,
    },
    {
        "slug": "mer-rouge-armateurs-detour-tanger-med",
        "section": "monde",
        "title": "Mer Rouge : le contournement de l’Afrique profite aux ports marocains",
        "summary": "Les armateurs continuent d’éviter le canal de Suez et font escale plus souvent au Maroc. Tanger Med enregistre une forte hausse de son trafic, mais les coûts du fret pèsent sur les importateurs.",
        "paragraphs": [
            "Plusieurs grandes compagnies maritimes ont confirmé cette semaine qu’elles maintiendraient, au moins jusqu’à la fin de l’année, le contournement de l’Afrique par le cap de Bonne-Espérance pour une partie de leurs lignes entre l’Asie et l’Europe. Les tensions persistantes en mer Rouge rendent toujours trop risqué le passage par le détroit de Bab el-Mandeb et le canal de Suez.",
            "Ce détour, qui allonge les trajets de dix à quatorze jours, a redessiné la carte des escales. Les navires qui remontent la côte ouest-africaine s’arrêtent davantage dans les ports marocains pour se ravitailler ou transborder des conteneurs. Tanger Med a ainsi enregistré une hausse de près de 20 % de son trafic sur les six derniers mois, selon l’autorité portuaire.",
            "Pour les importateurs marocains, la médaille a son revers. Le prix du transport d’un conteneur depuis la Chine a plus que doublé par rapport à son niveau d’avant la crise, et les délais de livraison se sont allongés. Les distributeurs d’électroménager et de pièces automobiles évoquent des ruptures de stock et des hausses de prix répercutées sur les consommateurs.",
            "Sur le plan diplomatique, la crise a relancé les discussions sur la sécurité des routes maritimes. Plusieurs pays riverains plaident pour une initiative internationale de protection de la navigation, tandis que l’Égypte, privée d’une part importante des recettes du canal de Suez, multiplie les contacts pour obtenir un retour rapide des armateurs.",
            "Les économistes restent prudents sur la durée de cet effet d’aubaine. Un retour au calme en mer Rouge ramènerait rapidement les porte-conteneurs vers Suez. Les ports marocains espèrent néanmoins fidéliser une partie des lignes grâce à leur productivité et à leur position au carrefour de l’Atlantique et de la Méditerranée.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "Chaque crise redistribue les cartes. La vraie question, c’est ce que nous garderons quand la mer Rouge sera de nouveau sûre.",
            "attribution": "Tarik Bensaïd, consultant en logistique maritime",
        },
        "read_also": {"after": 4, "slug": "nador-west-med-premiers-porte-conteneurs"},
        "tags": ["ports", "diplomatie"],
        "authors": ["anas-fikri", "hamza-ouchen"],
        "hours_ago": 6,
        "featured": False,
    },
    {
        "slug": "union-africaine-feuille-de-route-intelligence-artificielle",
        "section": "monde",
        "title": "L’Union africaine veut coordonner les règles sur l’intelligence artificielle",
        "summary": "Réunis à Addis-Abeba, les ministres africains du numérique ont adopté une feuille de route commune. Elle prévoit un cadre de référence pour la protection des données et des centres de calcul partagés.",
        "paragraphs": [
            "Les ministres chargés du numérique des pays membres de l’Union africaine ont adopté vendredi, à Addis-Abeba, une feuille de route commune sur l’intelligence artificielle. Le texte, préparé pendant plus d’un an par la Commission de l’UA, doit servir de cadre de référence aux législations nationales sur la protection des données, la transparence des algorithmes et l’usage de l’IA dans les services publics.",
            "L’une des mesures phares concerne la puissance de calcul, aujourd’hui concentrée hors du continent. La feuille de route propose la création de centres de calcul régionaux mutualisés, ouverts aux universités et aux jeunes entreprises, afin d’éviter que les chercheurs africains dépendent entièrement de plateformes étrangères pour entraîner leurs modèles.",
            "La question des langues occupe aussi une place importante. Les langues africaines ne représentent qu’une part infime des données utilisées pour entraîner les grands modèles de langage, selon les experts réunis à Addis-Abeba. Les ministres ont appelé à financer la constitution de corpus en haoussa, en swahili, en amazigh, en wolof ou en darija, en associant les communautés de locuteurs.",
            "La délégation marocaine a présenté les travaux menés dans le Royaume sur les modèles en darija et en amazigh, ainsi que le projet de centre de données vert de Dakhla. Rabat a proposé d’accueillir l’un des futurs centres de calcul régionaux, une candidature qui sera examinée en même temps que celles de plusieurs autres pays du continent.",
            "Les organisations de défense des libertés numériques saluent l’initiative, mais s’inquiètent de l’usage croissant de la reconnaissance faciale par certaines administrations. Elles demandent que la feuille de route soit accompagnée d’un mécanisme de suivi indépendant, faute de quoi les principes adoptés risquent de rester lettre morte.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": {"after": 3, "slug": "modele-langue-darija-acces-libre"},
        "tags": ["intelligence artificielle", "diplomatie"],
        "authors": ["anas-fikri"],
        "hours_ago": 350,
        "featured": False,
    },
    # ---------------------------------------------------------------------- Sport
    {
        "slug": "lions-atlas-stage-maamora-preparation",
        "section": "sport",
        "title": "Les Lions de l’Atlas en stage à Maâmora avant deux matchs amicaux",
        "summary": "La sélection nationale a entamé lundi un stage de dix jours au complexe Mohammed-VI de football. Trois nouveaux joueurs figurent dans la liste.",
        "paragraphs": [
            "La sélection marocaine de football a entamé lundi après-midi un stage de préparation de dix jours au complexe Mohammed-VI de football, à Maâmora, près de Salé. Vingt-six joueurs ont été convoqués par le sélectionneur national en vue de deux matchs amicaux face à des sélections européennes, la semaine prochaine, le premier à Rabat et le second à l’extérieur.",
            "La liste comporte trois nouveaux venus, dont le jeune milieu de terrain Ilyas Bouzekri, passé par un centre de formation de la région de Rabat et auteur d’une saison remarquée en Belgique. Le staff a également rappelé le défenseur central Walid Ezzarhouni, revenu de blessure après quatre mois d’absence, dont la présence devrait renforcer une défense très sollicitée lors des derniers rassemblements.",
            "Les premières séances ont été consacrées à la récupération, de nombreux joueurs arrivant d’une saison chargée en Europe. Le staff médical a procédé à des tests physiques individualisés, grâce aux outils de suivi installés au complexe, qui permettent de mesurer en temps réel la charge de travail, la fréquence cardiaque et la qualité du sommeil de chaque joueur.",
            "Ces deux rencontres doivent permettre au sélectionneur de tester de nouvelles associations, en particulier au milieu de terrain, où la concurrence est vive. Le public, venu en nombre lors du dernier match à Rabat, devrait à nouveau remplir le stade : les billets de la première rencontre se sont écoulés en moins de deux heures.",
            "Le stage se poursuivra à huis clos à partir de mercredi. Une séance ouverte aux supporters est toutefois prévue samedi matin, avant le départ du groupe pour son hôtel de mise au vert. La fédération a annoncé que les enfants des écoles de football de la région y seraient invités en priorité.",
        ],
        "heading_before": None,
        "quote": {
            "after": 2,
            "text": "Certains arrivent fatigués, d’autres ont peu joué. Notre travail, c’est de remettre tout le monde au même niveau en quelques jours.",
            "attribution": "Driss Lahlimi, préparateur physique de la sélection",
        },
        "read_also": None,
        "tags": ["football"],
        "authors": ["mehdi-raiss"],
        "hours_ago": 12,
        "featured": False,
    },
    {
        "slug": "mondial-2030-avancement-chantiers-stades",
        "section": "sport",
        "title": "Mondial 2030 : où en sont les chantiers des stades marocains ?",
        "summary": "Les travaux de rénovation avancent à Rabat, Tanger, Fès, Marrakech et Agadir. Le grand stade de Benslimane, qui vise la finale, reste le chantier le plus scruté.",
        "paragraphs": [
            "Le comité d’organisation marocain de la Coupe du monde 2030 a présenté mardi, à Rabat, un point d’étape sur les chantiers des six stades retenus pour accueillir des rencontres de la compétition, coorganisée avec l’Espagne et le Portugal. Selon ses responsables, la plupart des travaux respectent le calendrier, malgré des tensions sur le coût des matériaux et la disponibilité de la main-d’œuvre qualifiée.",
            "À Rabat, le stade reconstruit affiche désormais une capacité de près de 69 000 places et a déjà accueilli ses premières rencontres officielles. À Tanger, l’agrandissement de l’enceinte est achevé, tandis qu’à Fès, Marrakech et Agadir les travaux portent sur la couverture des tribunes, l’éclairage, la pelouse et les espaces réservés aux médias.",
            "Le grand stade de Benslimane, entre Rabat et Casablanca, concentre toutes les attentions. Conçu pour accueillir 115 000 spectateurs, il ambitionne de devenir l’un des plus grands stades de football au monde et de recevoir la finale. Les terrassements sont terminés et les premières structures de la toiture, inspirée de la tente traditionnelle, commencent à sortir de terre.",
            "Au-delà des stades, le comité insiste sur les infrastructures de transport et d’hébergement. L’extension de la ligne à grande vitesse vers Marrakech, l’agrandissement des aéroports et la construction de nouveaux hôtels doivent permettre d’accueillir plusieurs centaines de milliers de supporters venus du monde entier pendant la compétition.",
            "Les associations de riverains, elles, demandent davantage de concertation. À Benslimane comme dans certains quartiers de Casablanca, des habitants s’inquiètent des expropriations, de la hausse des loyers et de l’avenir des terrains de proximité. Le comité promet un programme d’héritage comprenant la rénovation de centaines de terrains de quartier.",
        ],
        "heading_before": (2, "Benslimane, le chantier le plus attendu"),
        "quote": {
            "after": 2,
            "text": "Un stade vide dix mois par an serait un échec. Nous voulons des enceintes vivantes, ouvertes aux clubs et aux quartiers.",
            "attribution": "Nabil Ouadghiri, membre du comité d’organisation",
        },
        "read_also": {"after": 3, "slug": "tourisme-arrivees-hausse-fes-dakhla"},
        "tags": ["football", "tourisme"],
        "authors": ["mehdi-raiss"],
        "hours_ago": 14,
        "featured": True,
    },
    {
        "slug": "marathon-rabat-affluence-record",
        "section": "sport",
        "title": "Marathon de Rabat : affluence record sous un soleil de plomb",
        "summary": "Plus de 12 000 coureurs ont pris le départ dimanche des différentes épreuves du marathon de Rabat. La Marocaine Soukaina Amellal s’est imposée chez les femmes.",
        "paragraphs": [
            "Plus de 12 000 participants, un record, ont pris le départ dimanche matin des différentes courses du marathon international de Rabat : le marathon, le semi-marathon et la course populaire de dix kilomètres. Le parcours, qui longe le Bouregreg avant de traverser le centre-ville et les abords de la tour Hassan, a attiré de nombreux spectateurs malgré la chaleur.",
            "Chez les hommes, la victoire est revenue à un coureur kényan de 24 ans, qui a bouclé la distance en un peu plus de deux heures et neuf minutes, devant deux Éthiopiens. Chez les femmes, Soukaina Amellal, originaire d’Ifrane, a offert au public un succès marocain attendu depuis plusieurs éditions, après avoir mené la course dès le trentième kilomètre.",
            "L’affluence record traduit l’essor de la course à pied au Maroc. Les clubs de running se multiplient dans les grandes villes, portés par les réseaux sociaux et par une nouvelle génération de pratiquants, souvent jeunes et urbains. Près d’un tiers des inscrits de la course de dix kilomètres étaient des femmes, une proportion en nette hausse.",
            "Les organisateurs avaient renforcé le dispositif sanitaire en raison des températures élevées : ravitaillements en eau tous les deux kilomètres et demi, brumisateurs et une dizaine de postes de secours. Une quarantaine de coureurs ont été pris en charge pour des malaises liés à la chaleur, sans gravité selon les services médicaux.",
            "Près d’un participant sur cinq venait de l’étranger, principalement d’Europe. Les hôteliers de la capitale ont affiché des taux d’occupation élevés tout le week-end, et les organisateurs espèrent faire de l’épreuve un rendez-vous incontournable du tourisme sportif, à l’image des grands marathons européens.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "J’ai pensé à ma mère, qui m’attendait sur la ligne. Gagner à Rabat devant ce public, c’est un rêve d’enfant.",
            "attribution": "Soukaina Amellal, gagnante du marathon féminin",
        },
        "read_also": None,
        "tags": ["santé", "tourisme"],
        "authors": ["mehdi-raiss"],
        "hours_ago": 70,
        "featured": False,
    },
    {
        "slug": "football-feminin-championnat-professionnel",
        "section": "sport",
        "title": "Football féminin : un championnat plus professionnel dès la saison prochaine",
        "summary": "La fédération impose des contrats professionnels aux clubs de première division féminine. Objectif : consolider l’élan né des dernières compétitions internationales.",
        "paragraphs": [
            "La Fédération royale marocaine de football a présenté jeudi, à Salé, le nouveau cahier des charges du championnat national féminin de première division, qui entrera en vigueur dès la saison prochaine. Chaque club devra désormais proposer des contrats professionnels à au moins quinze joueuses, disposer d’un entraîneur diplômé et engager une équipe de moins de dix-sept ans.",
            "Cette réforme s’inscrit dans la dynamique ouverte par les bons résultats de la sélection nationale féminine ces dernières années, qui ont suscité un engouement inédit. Les inscriptions de filles dans les écoles de football ont fortement augmenté, et plusieurs clubs de quartier ont dû créer des listes d’attente faute d’encadrants et de créneaux sur les terrains.",
            "Pour accompagner les clubs, la fédération annonce une aide financière annuelle et la prise en charge d’une partie des salaires pendant trois saisons. Les droits de diffusion du championnat féminin seront par ailleurs commercialisés séparément, avec l’ambition de retransmettre au moins un match par journée à la télévision ou en ligne.",
            "Certains dirigeants s’interrogent sur la viabilité du modèle une fois les aides arrivées à leur terme. Les recettes de billetterie restent faibles et les sponsors encore rares. « Nous avons besoin de temps pour construire un public », reconnaît la présidente d’un club de la région de Casablanca, qui plaide pour une montée en puissance progressive.",
            "Les joueuses, elles, saluent une avancée longtemps attendue. Beaucoup devaient jusqu’ici cumuler un emploi ou des études avec les entraînements du soir. La fédération prévoit également un programme de formation et de reconversion, afin de préparer l’après-carrière des internationales et de former les futures entraîneuses.",
        ],
        "heading_before": None,
        "quote": {
            "after": 4,
            "text": "Pour la première fois, je peux dire à mes parents que le football est mon métier.",
            "attribution": "Salma Ait Brahim, milieu de terrain en première division",
        },
        "read_also": {"after": 1, "slug": "lions-atlas-stage-maamora-preparation"},
        "tags": ["football", "éducation"],
        "authors": ["mehdi-raiss"],
        "hours_ago": 230,
        "featured": False,
    },
    # -------------------------------------------------------------------- Culture
    {
        "slug": "rencontres-cinema-safi-palmares",
        "section": "culture",
        "title": "Rencontres cinématographiques de Safi : un premier film tourné dans le Rif remporte le grand prix",
        "summary": "Le jury a récompensé samedi « Les Saisons du sel », premier long métrage de la réalisatrice Nora Ait Mouloud. Le festival a attiré un public record.",
        "paragraphs": [
            "Les Rencontres cinématographiques de Safi ont refermé samedi soir leur neuvième édition en décernant leur grand prix à « Les Saisons du sel », premier long métrage de la réalisatrice Nora Ait Mouloud. Tourné dans les salines de la région d’Al Hoceïma, le film suit trois générations de femmes qui tentent de préserver une exploitation familiale menacée par un projet immobilier.",
            "Le jury, présidé par une productrice tunisienne, a salué « une mise en scène d’une grande retenue » et l’interprétation de la jeune comédienne Yousra Lazaar, distinguée par ailleurs du prix de la meilleure interprétation féminine. Le prix du public est revenu à une comédie casablancaise sur les déboires d’un livreur à scooter, qui a déclenché des éclats de rire à chaque projection.",
            "Cette édition a confirmé la vitalité d’une nouvelle génération de cinéastes marocains, souvent formés dans les écoles de cinéma de Marrakech et de Rabat et soutenus par l’aide publique à la production. Sur les douze films de la compétition, huit étaient des premières ou deuxièmes œuvres, et cinq étaient signés par des femmes.",
            "Le festival a aussi misé sur la décentralisation, avec des projections en plein air dans les quartiers populaires de Safi et dans plusieurs communes voisines. Près de 25 000 spectateurs ont assisté aux séances, un record selon les organisateurs, qui plaident pour la réouverture de salles de cinéma dans les villes moyennes, où elles ont presque toutes disparu.",
            "Les professionnels présents ont enfin débattu de la distribution, talon d’Achille du cinéma national. Faute d’écrans en nombre suffisant, de nombreux films primés dans les festivals peinent à trouver leur public en salles et se tournent vers les plateformes de streaming, à des conditions souvent défavorables aux producteurs.",
        ],
        "heading_before": None,
        "quote": {
            "after": 0,
            "text": "J’ai écrit ce film pour ma grand-mère, qui n’est jamais entrée dans une salle de cinéma.",
            "attribution": "Nora Ait Mouloud, réalisatrice",
        },
        "read_also": None,
        "tags": ["cinéma"],
        "authors": ["sofia-azzouzi"],
        "hours_ago": 18,
        "featured": False,
    },
    {
        "slug": "ouarzazate-retour-grands-tournages",
        "section": "culture",
        "title": "Ouarzazate retrouve les grands tournages internationaux",
        "summary": "Trois productions étrangères tournent en ce moment dans la région de Ouarzazate. Un regain d’activité qui profite aux figurants, aux techniciens et aux hôteliers.",
        "paragraphs": [
            "Trois productions internationales, dont une série historique financée par une plateforme américaine, tournent depuis le début du mois dans la région de Ouarzazate, a indiqué lundi le Centre cinématographique marocain. Depuis janvier, les investissements étrangers dans les tournages au Maroc ont atteint un niveau inédit, portés par un dispositif de remboursement d’une partie des dépenses engagées sur place.",
            "Aux abords des studios et dans les ksour de la vallée du Drâa, l’activité bat son plein. Des centaines de figurants ont été recrutés, parfois pour plusieurs semaines, et les techniciens locaux, machinistes, décorateurs ou costumières, enchaînent les contrats. Les hôtels de la ville affichent complet, et les loueurs de véhicules tout-terrain peinent à répondre à la demande.",
            "Cette reprise intervient après plusieurs années difficiles, marquées par la pandémie puis par les grèves qui avaient paralysé l’industrie audiovisuelle américaine. Les professionnels attribuent le retour des productions à la diversité des décors naturels, à la stabilité du pays et à la qualité des équipes techniques, formées au fil de décennies de tournages.",
            "Les acteurs du secteur plaident désormais pour que cet afflux profite davantage au cinéma national. Ils demandent des formations certifiantes, afin que les techniciens marocains accèdent aux postes de chefs d’équipe, souvent occupés par des étrangers, et la création d’un fonds alimenté par les tournages internationaux pour soutenir les jeunes réalisateurs.",
            "La région mise aussi sur le tourisme de cinéma. Des circuits permettant de visiter les décors de films et de séries célèbres attirent un nombre croissant de visiteurs, et la municipalité envisage la création d’un musée consacré à l’histoire des tournages dans la région.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "Quand un grand tournage arrive, c’est toute la ville qui respire : les taxis, les restaurants, les couturières.",
            "attribution": "Lahcen Ait Ouakrim, régisseur à Ouarzazate",
        },
        "read_also": {"after": 3, "slug": "doublage-ia-films-darija-amazigh"},
        "tags": ["cinéma", "tourisme"],
        "authors": ["sofia-azzouzi"],
        "hours_ago": 60,
        "featured": False,
    },
    {
        "slug": "fes-medina-monuments-numerisation-3d",
        "section": "culture",
        "title": "Fès : les monuments de la médina numérisés en trois dimensions",
        "summary": "Une équipe d’architectes et d’ingénieurs a achevé la numérisation de quarante monuments de la médina de Fès. Les relevés serviront aux restaurations et à des visites virtuelles.",
        "paragraphs": [
            "Une équipe réunissant des architectes de l’agence chargée de la réhabilitation de la médina et des ingénieurs d’une université marocaine a présenté mercredi, à Fès, les résultats d’un programme de numérisation en trois dimensions de la vieille ville. En dix-huit mois, quarante monuments, dont des médersas, des fondouks et des fontaines, ont été relevés au millimètre près grâce à des scanners laser et à des drones.",
            "Ces relevés constituent une archive précieuse pour un site inscrit au patrimoine mondial de l’Unesco, où de nombreux bâtiments souffrent de l’humidité, des infiltrations et du vieillissement des structures en bois. Ils permettent de repérer les fissures, de suivre leur évolution dans le temps et de préparer les restaurations avec une précision jusqu’ici impossible.",
            "Les artisans sont associés au projet. Les modèles numériques des zelliges, des plâtres sculptés et des boiseries de cèdre servent de référence aux maâlems chargés de restaurer les éléments endommagés, et une partie des fichiers est mise à la disposition des écoles de formation aux métiers du patrimoine, qui peinent à attirer les jeunes.",
            "Le grand public n’est pas oublié. Une application de visite virtuelle, disponible en arabe, en amazigh, en français et en anglais, doit être lancée avant l’été. Elle permettra de découvrir des lieux habituellement fermés et de superposer aux images actuelles des reconstitutions de leur état d’origine, une manière d’attirer de nouveaux visiteurs vers la médina.",
            "Les responsables du projet souhaitent étendre la démarche à d’autres villes historiques, comme Meknès, Tétouan ou Essaouira. Ils insistent toutefois sur une condition : la sauvegarde des données elles-mêmes, qui exige des serveurs sécurisés et une politique de conservation à long terme, faute de quoi l’archive numérique pourrait se révéler plus fragile que les pierres.",
        ],
        "heading_before": (3, "Une visite virtuelle pour le grand public"),
        "quote": {
            "after": 2,
            "text": "Le scanner ne remplace pas la main du maâlem, mais il lui donne une mémoire.",
            "attribution": "Hind Tazi Mokha, architecte du patrimoine",
        },
        "read_also": None,
        "tags": ["transition numérique", "tourisme"],
        "authors": ["sofia-azzouzi"],
        "hours_ago": 175,
        "featured": False,
    },
    {
        "slug": "salon-livre-jeunesse-tanger-ecoles",
        "section": "culture",
        "title": "À Tanger, un salon du livre jeunesse pour réconcilier les enfants avec la lecture",
        "summary": "Près de 40 000 visiteurs sont attendus jusqu’à dimanche au premier salon du livre jeunesse de Tanger. Les écoles de la région y participent massivement.",
        "paragraphs": [
            "Le premier salon du livre jeunesse de Tanger a ouvert ses portes mercredi au palais des expositions de la ville, pour cinq jours. Une centaine d’éditeurs marocains et étrangers y présentent albums illustrés, bandes dessinées et romans pour adolescents, en arabe, en amazigh, en français et en espagnol. Les organisateurs attendent près de 40 000 visiteurs, dont une majorité d’élèves.",
            "Plus de trois cents classes de la région de Tanger-Tétouan-Al Hoceïma ont en effet réservé une visite. Les enfants participent à des ateliers d’écriture, de calligraphie et de dessin animés par des auteurs et des illustrateurs. Chaque élève repart avec un livre offert, financé par un partenariat entre l’académie régionale d’éducation et plusieurs entreprises locales.",
            "L’initiative répond à un constat préoccupant. Les enquêtes internationales montrent que de nombreux élèves marocains terminent le primaire sans maîtriser la lecture, et le livre reste rare dans beaucoup de foyers. « Un enfant qui n’a jamais possédé un livre à lui ne peut pas devenir lecteur », insiste la directrice du salon, ancienne bibliothécaire scolaire.",
            "Les éditeurs jeunesse, encore peu nombreux au Maroc, espèrent que le salon donnera de la visibilité à une production locale en plein renouvellement. Des maisons d’édition indépendantes proposent désormais des albums ancrés dans le quotidien des enfants marocains, loin des traductions qui dominaient jusqu’ici les rayons des librairies.",
            "Le ministère de la Culture a annoncé à cette occasion la création de vingt bibliothèques itinérantes destinées aux communes rurales de la région. À partir de la rentrée, elles sillonneront les douars avec plusieurs milliers d’ouvrages à bord et des animateurs formés à la lecture à voix haute.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": {"after": 2, "slug": "ecoles-pionnieres-extension-rentree"},
        "tags": ["éducation"],
        "authors": ["sofia-azzouzi", "leila-bensouda"],
        "hours_ago": 480,
        "featured": False,
    },
    # ----------------------------------------------------------------------- Tech
    {
        "slug": "application-identite-numerique-lancement",
        "section": "tech",
        "title": "Identité numérique : l’application officielle dépasse le million d’utilisateurs",
        "summary": "Lancée il y a trois semaines, l’application qui permet de s’identifier auprès des services publics avec la carte d’identité électronique séduit rapidement. Des bugs ont toutefois ralenti les premières inscriptions.",
        "paragraphs": [
            "L’application officielle d’identité numérique, qui permet aux citoyens de s’authentifier en ligne avec leur carte nationale d’identité électronique, a dépassé lundi le million d’utilisateurs, a annoncé la Direction générale de la sûreté nationale à Rabat. Lancée il y a trois semaines, elle sert de clé d’accès unique à une quarantaine de services publics, des impôts à la sécurité sociale.",
            "Le principe est simple : l’utilisateur approche sa carte de son téléphone, qui lit la puce sans contact, puis confirme son identité avec un code personnel et une vérification faciale. Une fois inscrit, il peut se connecter aux portails administratifs sans créer de nouveaux identifiants, et signer certains documents de manière électronique.",
            "Les premiers jours ont été marqués par des difficultés techniques. Certains smartphones d’entrée de gamme, dépourvus de puce NFC, ne permettent pas de lire la carte, et des utilisateurs se sont plaints d’échecs répétés lors de la reconnaissance faciale. Une mise à jour publiée la semaine dernière a corrigé une partie des problèmes, selon les développeurs.",
            "Les défenseurs de la vie privée demandent plus de transparence sur le traitement des données biométriques et sur la conservation des journaux de connexion. L’autorité nationale de protection des données personnelles indique avoir été consultée en amont et assure que les images du visage ne sont pas conservées après la vérification.",
            "L’application est appelée à devenir la porte d’entrée du guichet unique prévu par le projet de loi sur l’administration numérique, en cours d’examen au Parlement. Les banques et les opérateurs télécoms devraient pouvoir l’utiliser à leur tour pour l’ouverture de comptes à distance, une perspective qui réjouit les acteurs de la finance numérique.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "Nous avons conçu l’outil pour qu’une personne de soixante-dix ans puisse l’utiliser seule en moins de cinq minutes.",
            "attribution": "Amine Rguig, chef de projet de l’application",
        },
        "read_also": {"after": 4, "slug": "loi-administration-numerique-adoptee"},
        "tags": ["transition numérique"],
        "authors": ["anas-fikri"],
        "hours_ago": 52,
        "featured": False,
    },
    {
        "slug": "agritech-capteurs-irrigation-levee-fonds",
        "section": "tech",
        "title": "Agritech : Tarwa Labs lève 6 millions de dollars pour ses capteurs d’irrigation",
        "summary": "La jeune pousse d’Agadir a bouclé un tour de table auprès de fonds marocains et européens. Ses capteurs permettent de réduire jusqu’à 30 % la consommation d’eau des exploitations.",
        "paragraphs": [
            "La start-up Tarwa Labs, installée à Agadir, a annoncé mardi avoir levé 6 millions de dollars auprès d’un fonds de capital-risque marocain et de deux investisseurs européens spécialisés dans l’agriculture. Fondée il y a quatre ans par deux ingénieurs agronomes, l’entreprise commercialise des capteurs d’humidité du sol et une application qui indique aux agriculteurs quand et combien irriguer.",
            "Le système repose sur des sondes plantées à différentes profondeurs, qui transmettent leurs mesures toutes les quinze minutes. Un algorithme les croise avec les prévisions météorologiques et les besoins de chaque culture pour proposer un calendrier d’irrigation. Selon l’entreprise, ses clients réduisent en moyenne leur consommation d’eau de 20 à 30 %, sans perte de rendement.",
            "Tarwa Labs équipe aujourd’hui quelque 900 exploitations, principalement dans le Souss et le Haouz, des grands domaines d’agrumes aux petites fermes maraîchères. Pour ces dernières, la start-up propose un abonnement mensuel accessible et des messages vocaux en darija et en amazigh, afin de toucher des agriculteurs peu à l’aise avec l’écrit.",
            "Les fonds levés doivent permettre de recruter une trentaine d’ingénieurs et de s’implanter en Tunisie et au Sénégal, où les besoins en gestion de l’eau sont comparables. La start-up prévoit aussi d’ouvrir un petit atelier d’assemblage de capteurs à Agadir, afin de réduire sa dépendance aux composants importés.",
            "Cette opération illustre l’intérêt croissant des investisseurs pour l’agritech marocaine, longtemps restée dans l’ombre de la fintech. Dans un pays confronté à des sécheresses à répétition, les technologies d’économie d’eau apparaissent comme un marché d’avenir, même si leur adoption par les petits exploitants reste freinée par le coût et le manque d’accompagnement.",
        ],
        "heading_before": None,
        "quote": {
            "after": 2,
            "text": "Un agriculteur ne change pas ses habitudes pour une jolie courbe sur un écran. Il les change quand sa facture d’eau baisse.",
            "attribution": "Rim Assaoui, cofondatrice de Tarwa Labs",
        },
        "read_also": {"after": 4, "slug": "agrumes-campagne-export-berkane-souss"},
        "tags": ["startups", "agriculture", "eau"],
        "authors": ["anas-fikri", "hamza-ouchen"],
        "hours_ago": 110,
        "featured": False,
    },
    {
        "slug": "modele-langue-darija-acces-libre",
        "section": "tech",
        "title": "Intelligence artificielle : un modèle de langue en darija ouvert à tous",
        "summary": "Un laboratoire de Rabat et une start-up casablancaise publient en accès libre un modèle capable de comprendre et de rédiger en darija. Une première étape vers des services numériques dans la langue du quotidien.",
        "paragraphs": [
            "Un laboratoire universitaire de recherche en intelligence artificielle de Rabat et la start-up casablancaise Lisane ont publié jeudi, en accès libre, un modèle de langue capable de comprendre et de produire des textes en darija, l’arabe dialectal marocain. Baptisé « Hadra », il peut être téléchargé gratuitement par les chercheurs, les administrations et les entreprises, y compris pour un usage commercial.",
            "La darija, parlée par l’immense majorité des Marocains, reste mal comprise par les grands modèles d’intelligence artificielle, entraînés essentiellement sur l’anglais et l’arabe standard. Elle s’écrit de surcroît indifféremment en caractères arabes ou latins, avec des chiffres pour noter certains sons, ce qui complique encore le travail des algorithmes.",
            "Pour constituer leur corpus, les chercheurs ont rassemblé plusieurs millions de phrases issues de sous-titres, de chansons, d’émissions de radio transcrites et de contributions volontaires, en excluant les données personnelles. Plus de deux cents étudiants ont participé à l’annotation, notamment pour évaluer la qualité des réponses du modèle selon les régions du pays.",
            "Les premiers usages envisagés concernent les services publics et la santé : assistants téléphoniques capables de répondre aux questions des usagers, aide à la rédaction de courriers administratifs ou outils de compréhension des notices de médicaments. Une banque teste déjà le modèle pour répondre aux messages de ses clients sur les réseaux sociaux.",
            "Les concepteurs reconnaissent les limites de cette première version, qui commet encore des erreurs sur les expressions régionales du Nord et du Sud, et n’intègre pas l’amazigh. Une deuxième version, entraînée sur un corpus élargi, est prévue d’ici un an, grâce au soutien d’un programme public de financement de la recherche.",
        ],
        "heading_before": (3, "Des usages dans les services publics"),
        "quote": {
            "after": 1,
            "text": "Si l’IA ne parle pas la langue des gens, elle restera un outil pour une minorité. La darija est la langue de la vie quotidienne.",
            "attribution": "Soumaya Lrhoul, directrice du laboratoire",
        },
        "read_also": {
            "after": 2,
            "slug": "union-africaine-feuille-de-route-intelligence-artificielle",
        },
        "tags": ["intelligence artificielle", "startups"],
        "authors": ["anas-fikri"],
        "hours_ago": 26,
        "featured": True,
    },
    {
        "slug": "dakhla-centre-donnees-vent-soleil",
        "section": "tech",
        "title": "Dakhla : un centre de données alimenté par le vent et le soleil",
        "summary": "Un opérateur marocain a posé la première pierre d’un centre de données de 60 mégawatts près de Dakhla. Il sera alimenté exclusivement par des énergies renouvelables.",
        "paragraphs": [
            "Un opérateur marocain de centres de données a posé mardi, près de Dakhla, la première pierre d’un campus informatique d’une puissance de 60 mégawatts, en présence des autorités régionales et de représentants du ministère de la Transition numérique. Le site sera alimenté exclusivement par un parc éolien et une centrale solaire construits à proximité, pour un investissement total estimé à 500 millions de dollars.",
            "Le choix de Dakhla n’a rien d’un hasard. La région bénéficie de vents parmi les plus réguliers du continent et d’un ensoleillement exceptionnel, qui permettent de produire une électricité bon marché et décarbonée. Le climat océanique, relativement tempéré, réduit par ailleurs les besoins en refroidissement, l’un des principaux postes de consommation des centres de données.",
            "Le projet vise les entreprises et les administrations marocaines, soumises à des règles de plus en plus strictes sur la localisation des données sensibles, mais aussi des clients européens et africains en quête de capacités de calcul à faible empreinte carbone. La demande liée à l’intelligence artificielle, très gourmande en puissance, est l’un des moteurs de l’investissement.",
            "Un câble sous-marin reliera le site à l’Europe et à l’Afrique de l’Ouest afin de garantir des temps de réponse suffisants. Les promoteurs annoncent deux cents emplois directs et un partenariat avec les établissements de la région pour former des techniciens en réseaux, en électricité et en cybersécurité.",
            "Certains experts s’interrogent sur l’eau nécessaire au refroidissement dans une région désertique. L’opérateur assure que le site utilisera un système en circuit fermé et de l’eau dessalée produite sur place, pour une consommation limitée. La première tranche doit entrer en service dans trois ans.",
        ],
        "heading_before": None,
        "quote": None,
        "read_also": None,
        "tags": ["énergies renouvelables", "transition numérique"],
        "authors": ["anas-fikri"],
        "hours_ago": 265,
        "featured": False,
    },
    {
        "slug": "doublage-ia-films-darija-amazigh",
        "section": "tech",
        "title": "Doublage : l’IA au service des films en darija et en amazigh",
        "summary": "Une jeune entreprise de Marrakech utilise l’intelligence artificielle pour doubler films et documentaires en langues marocaines. Les comédiens de doublage s’inquiètent pour leur métier.",
        "paragraphs": [
            "La start-up Sawt Studio a présenté lundi, lors d’une journée professionnelle organisée à Marrakech, une technologie de doublage assistée par intelligence artificielle capable de traduire et de synchroniser des films en darija et en trois variantes de l’amazigh. Une chaîne de télévision publique a déjà signé un contrat pour doubler une cinquantaine de documentaires animaliers.",
            "Le procédé combine traduction automatique, synthèse vocale et ajustement des mouvements des lèvres à l’image. Un comédien enregistre quelques minutes de sa voix, qui sert ensuite de base au modèle. Selon l’entreprise, le coût d’un doublage est divisé par quatre et les délais par dix, ce qui rend possible la diffusion en langues marocaines de programmes jusque-là réservés à l’arabe standard ou au français.",
            "Les comédiens de doublage voient cette évolution d’un œil inquiet. Leur syndicat réclame un encadrement strict de l’utilisation des voix, avec un consentement explicite et une rémunération à chaque réutilisation. « Une voix, ce n’est pas une matière première qu’on achète une fois pour toutes », souligne l’un de ses représentants, qui craint une disparition progressive du métier.",
            "Sawt Studio assure vouloir travailler avec les artistes plutôt que contre eux. L’entreprise rémunère les comédiens dont la voix est utilisée au prorata des diffusions et fait systématiquement relire les traductions par des linguistes. Elle affirme aussi que le doublage humain restera la norme pour les longs métrages de fiction, où l’émotion du jeu est essentielle.",
            "Au-delà de la télévision, la start-up vise le marché du cinéma et de l’éducation, en proposant de doubler des films d’animation et des cours en ligne. Elle prépare une levée de fonds pour s’étendre vers d’autres langues africaines, une ambition partagée par plusieurs entreprises du secteur.",
        ],
        "heading_before": None,
        "quote": {
            "after": 1,
            "text": "L’amazigh a longtemps été absent des écrans. La technologie peut réparer une partie de cette injustice, à condition de respecter ceux qui prêtent leur voix.",
            "attribution": "Yassine Oubella, cofondateur de Sawt Studio",
        },
        "read_also": {"after": 3, "slug": "rencontres-cinema-safi-palmares"},
        "tags": ["intelligence artificielle", "cinéma", "startups"],
        "authors": ["anas-fikri", "sofia-azzouzi"],
        "hours_ago": 690,
        "featured": False,
    },
]


# ---------------------------------------------------------------- Self-check


def _sentence_count(text: str) -> int:
    """Count sentences: a run of . ! ? … ends one when followed by a space or the end."""
    closing = '»”")'
    count = 0
    index = 0
    length = len(text)
    while index < length:
        if text[index] in ".!?…":
            end = index
            while end + 1 < length and text[end + 1] in ".!?…":
                end += 1
            after = end + 1
            while after < length and text[after] in closing:
                after += 1
            if after >= length or text[after].isspace():
                count += 1
            index = after
        else:
            index += 1
    return count


def check() -> list[str]:
    """Return the problems found in the demo data; an empty list when all is well."""
    problems: list[str] = []
    section_slugs = {slug for slug, _title, _description in SECTIONS}
    author_slugs = {author["slug"] for author in AUTHORS}
    article_slugs = {article["slug"] for article in ARTICLES}
    seen_slugs: set[str] = set()
    seen_hours: dict[int, str] = {}
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-")

    if len(author_slugs) != len(AUTHORS):
        problems.append("duplicate author slug")
    for article in ARTICLES:
        slug = article["slug"]
        if slug in seen_slugs:
            problems.append(f"{slug}: duplicate slug")
        seen_slugs.add(slug)
        if not slug or len(slug) > 60 or not set(slug) <= allowed:
            problems.append(
                f"{slug}: slug must be ASCII lowercase with hyphens, 60 chars max"
            )
        if article["section"] not in section_slugs:
            problems.append(f"{slug}: unknown section {article['section']!r}")
        if not 1 <= len(article["authors"]) <= 2:
            problems.append(f"{slug}: needs one or two authors")
        for author in article["authors"]:
            if author not in author_slugs:
                problems.append(f"{slug}: unknown author {author!r}")
        hours = article["hours_ago"]
        if hours in seen_hours:
            problems.append(
                f"{slug}: hours_ago {hours} already used by {seen_hours[hours]}"
            )
        seen_hours[hours] = slug
        if not 1 <= len(article["tags"]) <= 3:
            problems.append(f"{slug}: needs one to three tags")

        summary = article["summary"].strip()
        sentence_count = _sentence_count(summary)
        if sentence_count > 3:
            problems.append(f"{slug}: summary has {sentence_count} sentences (3 max)")
        if not summary or summary[-1] not in ".!?":
            problems.append(f"{slug}: summary must end with . ! or ?")

        paragraphs = article["paragraphs"]
        for text in paragraphs:
            if "<" in text or ">" in text:
                problems.append(f"{slug}: paragraphs must be plain text")
        heading = article.get("heading_before")
        if heading and not 0 <= heading[0] < len(paragraphs):
            problems.append(f"{slug}: heading_before index out of range")
        quote = article.get("quote")
        if quote and not 0 <= quote["after"] < len(paragraphs):
            problems.append(f"{slug}: quote index out of range")
        read_also = article.get("read_also")
        if read_also:
            if read_also["slug"] not in article_slugs:
                problems.append(f"{slug}: unknown read_also slug {read_also['slug']!r}")
            elif read_also["slug"] == slug:
                problems.append(f"{slug}: read_also points at itself")
            if not 0 <= read_also["after"] < len(paragraphs):
                problems.append(f"{slug}: read_also index out of range")
    return problems
