# French edition: "29 octobre 2024", "29 octobre 2024 à 14:05". Templates use
# these by name (|date:"DATE_FORMAT", |date:"DATETIME_FORMAT") so each edition
# gets its own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y à H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
