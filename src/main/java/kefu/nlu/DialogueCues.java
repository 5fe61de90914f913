package kefu.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a buyer talks, beside what they ask for ({@code bot/dialogue.yml}): small talk (thanks, "ok", praise,
 * goodbye, a lone emoji), "are you a bot?", a request for a person, "never mind", anger and urgency.
 */
public final class DialogueCues {

    /** Kinds of small talk; the reply key is {@code small_talk.<kind>}. */
    public static final String IDENTITY = "identity";
    public static final String EMOJI = "emoji";
    public static final String NEVER_MIND = "never_mind";
    public static final String ANGRY = "angry";
    public static final String URGENT = "urgent";

    private static final Pattern ONLY_SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\p{M}\\x{200D}\\x{FE0F}\\p{P}\\s]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("[\\p{P}\\p{S}\\s]");
    /** Stronger kinds win when a message mixes them: "好的 谢谢" is thanks. */
    private static final List<String> FOLLOW_UP_KINDS = List.of("paid", "not-received", "when");
    private static final List<String> KIND_ORDER = List.of("thanks", "goodbye", "praise", "ack");

    /** Particles and marks that carry no meaning of their own in a short reply. */
    private final Pattern filler;
    private final Map<String, List<String>> smallTalk;
    private final CuePatterns identity;
    private final CuePatterns person;
    /** Questions about the staff (hours, phone), not requests for them. */
    private final CuePatterns personQuestions;
    /** Kept as expressions too: {@link #afterNegation} needs where they match. */
    private final List<Pattern> negation;
    private final CuePatterns negationCues;
    private final CuePatterns anger;
    private final CuePatterns urgency;
    private final List<Pattern> also;
    private final CuePatterns mine;
    private final Map<String, List<String>> categories;
    private final Map<String, List<String>> followUps;
    private final Map<String, List<String>> reasons;
    private final java.util.Set<String> confirm;

    public DialogueCues(Map<String, List<String>> smallTalk, List<String> identity, List<String> person,
                        List<String> negation, List<String> anger, List<String> urgency, List<String> also,
                        List<String> mine, Map<String, List<String>> categories,
                        Map<String, List<String>> followUps, Map<String, List<String>> reasons,
                        List<String> confirm, List<String> personQuestions, List<String> filler) {
        this.filler = Pattern.compile("(?:" + String.join("|", filler.stream().map(Pattern::quote).toList())
                + (filler.isEmpty() ? "" : "|") + "[\\p{P}\\s])+");
        this.personQuestions = cues(personQuestions);
        Map<String, List<String>> why = new LinkedHashMap<>();
        reasons.forEach((k, v) -> why.put(k, v.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()));
        this.reasons = Map.copyOf(why);
        this.confirm = confirm.stream().map(w -> w.toLowerCase(Locale.ROOT).replaceAll("\\s+", "")).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        Map<String, List<String>> follow = new LinkedHashMap<>();
        followUps.forEach((k, v) -> follow.put(k, v.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()));
        this.followUps = Map.copyOf(follow);
        this.also = compile(also);
        this.mine = cues(mine);
        Map<String, List<String>> names = new LinkedHashMap<>();
        categories.forEach((k, v) -> names.put(k, v.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()));
        this.categories = Map.copyOf(names);
        Map<String, List<String>> words = new LinkedHashMap<>();
        smallTalk.forEach((kind, list) -> {
            List<String> sorted = new ArrayList<>();
            list.forEach(w -> sorted.add(w.toLowerCase(Locale.ROOT).replaceAll("\\s+", "")));
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            words.put(kind, List.copyOf(sorted));
        });
        this.smallTalk = Map.copyOf(words);
        this.identity = cues(identity);
        this.person = cues(person);
        this.negation = compile(negation);
        this.negationCues = CuePatterns.of(this.negation);
        this.anger = cues(anger);
        this.urgency = cues(urgency);
    }

    /**
     * The kind of small talk the whole message is ({@code thanks}, {@code ack}, {@code praise},
     * {@code goodbye}, {@code emoji}, {@code identity}), or empty when it says anything more.
     */
    public Optional<String> smallTalk(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 40) {
            return Optional.empty();
        }
        if (asksIdentity(t)) {
            return Optional.of(IDENTITY);
        }
        String rest = BLANKS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("");
        List<String> kinds = new ArrayList<>();
        boolean progress = true;
        while (progress && !rest.isEmpty()) {
            progress = false;
            String stripped = stripFiller(rest);
            if (!stripped.equals(rest)) {
                rest = stripped;
                progress = true;
                continue;
            }
            for (String kind : KIND_ORDER) {
                for (String w : smallTalk.getOrDefault(kind, List.of())) {
                    if (!w.isEmpty() && rest.startsWith(w)) {
                        rest = rest.substring(w.length());
                        kinds.add(kind);
                        progress = true;
                        break;
                    }
                }
                if (progress) {
                    break;
                }
            }
        }
        if (!rest.isEmpty()) {
            return ONLY_SYMBOLS.matcher(rest).matches() && kinds.isEmpty() && ONLY_SYMBOLS.matcher(t).matches()
                    ? Optional.of(EMOJI) : Optional.empty();
        }
        if (kinds.isEmpty()) {
            // Only particles ("哦~", "嗯…") or only symbols.
            return Optional.of(ONLY_SYMBOLS.matcher(t).matches() ? EMOJI : "ack");
        }
        return KIND_ORDER.stream().filter(kinds::contains).findFirst();
    }

    public boolean asksIdentity(String text) {
        return identity.foundIn(text);
    }

    /** The buyer asks for a person ("转人工", "找真人", "talk to a human"); "are you a person?" is not a request. */
    public boolean asksForPerson(String text) {
        return !asksIdentity(text) && person.foundIn(text) && !personQuestions.foundIn(text);
    }


    /** "Never mind" / "不取消了": the buyer withdraws what the bot was about to do. */
    public boolean negates(String text) {
        return text.strip().length() <= 30 && negationCues.foundIn(text);
    }

    /** What follows the last "never mind" in the message ("这单不要了帮我取消" → "帮我取消"); blank when nothing does. */
    public String afterNegation(String text) {
        int end = -1;
        for (Pattern p : negation) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                end = Math.max(end, m.end());
            }
        }
        return end < 0 ? "" : text.substring(end).strip();
    }

    /** {@code angry}, {@code urgent} or empty. */
    public Optional<String> mood(String text) {
        if (anger.foundIn(text)) {
            return Optional.of(ANGRY);
        }
        return urgency.foundIn(text) ? Optional.of(URGENT) : Optional.empty();
    }

    /**
     * Two requests joined in one message ("查一下K… 顺便问下积分怎么用"): the part before the joining word and the
     * part after, each with something to say; empty when the message is one request.
     */
    public Optional<List<String>> split(String text) {
        for (Pattern p : also) {
            var m = p.matcher(text);
            if (m.find()) {
                String first = text.substring(0, m.start()).strip();
                String second = text.substring(m.end()).strip();
                if (meaningful(first) && meaningful(second)) {
                    return Optional.of(List.of(first, second));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a short follow-up says about the order in focus: {@code paid} ("我已经付款了"), {@code not-received}
     * ("还是没到") or {@code when} ("那我等多久"); checked in that order.
     */
    public Optional<String> followUp(String text) {
        for (String kind : FOLLOW_UP_KINDS) {
            if (says(kind, text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a short message says that what the buyer was just told did not work ("领不了", "一直提示失败",
     * "还是不行"): {@code follow-up.trouble} in {@code bot/dialogue.yml}.
     */
    public boolean trouble(String text) {
        return says("trouble", text);
    }

    /** Whether a message goes on from the answer just given ("找到了，但是…"): {@code follow-up.goes-on}. */
    public boolean goesOn(String text) {
        return says("goes-on", text);
    }

    /** Whether the text holds one of the words of the {@code follow-up} list {@code kind}. */
    private boolean says(String kind, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return followUps.getOrDefault(kind, List.of()).stream().anyMatch(t::contains);
    }

    /** The after-sales reason a typed problem names ({@code not_working} for "激活码一直提示无效"), if one. */
    public Optional<String> afterSalesReason(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        List<String> named = reasons.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(t::contains))
                .map(Map.Entry::getKey).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The whole message says "yes, go ahead" ("确认", "提交", "好了 就这些"). */
    public boolean confirms(String text) {
        String t = filler.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        if (t.isEmpty()) {
            return false;
        }
        if (confirm.contains(t)) {
            return true;
        }
        // Two confirmations in a row: "好了就这些".
        for (String w : confirm) {
            if (t.startsWith(w) && confirm.contains(t.substring(w.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The buyer speaks of their own order ("我的话费", "我买的会员", "my top-up"). */
    public boolean mine(String text) {
        return mine.foundIn(text);
    }

    /** The product category the text names ("话费" → {@code mobile_topup}), when it names exactly one. */
    public Optional<String> category(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        List<String> named = categories.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(t::contains)).map(Map.Entry::getKey).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static boolean meaningful(String part) {
        return MARKS.matcher(part).replaceAll("").length() >= 2;
    }

    private String stripFiller(String s) {
        var m = filler.matcher(s);
        return m.lookingAt() ? s.substring(m.end()) : s;
    }

    private static CuePatterns cues(List<String> patterns) {
        return CuePatterns.of(compile(patterns));
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }
}
