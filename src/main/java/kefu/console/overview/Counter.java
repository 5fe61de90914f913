package kefu.console.overview;

/** The fields of a day's counter hash. */
enum Counter {
    TURNS, ANSWERED, FALLBACKS, NOT_SURE, HANDOVERS, STAFF_JOINED, STAFF_REPLIES, CLOSED, RATINGS, RATING_SUM,
    RATED_1, RATED_2, RATED_3, RATED_4, RATED_5, ORDERS_LOOKED_UP, ORDERS_URGED, TICKETS_FILED;

    String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Counter rated(int score) {
        return valueOf("RATED_" + score);
    }
}
