package kefu.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the help center describes what a Chinese question is about at all. The nearest article is not an
 * answer when the question names a product or place the articles never mention ("steam余额", "苹果id",
 * "充值中心在哪") or asks for a price, which the help center does not keep: then the bot says it is not sure
 * and offers a person instead of the closest article.
 */
final class Coverage {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private final Set<String> latinWords;
    private final String corpus;

    private Coverage(Set<String> latinWords, String corpus) {
        this.latinWords = latinWords;
        this.corpus = corpus;
    }

    /** From the articles' Chinese text: titles, example questions, tags, lead and sections (not the English fields). */
    static Coverage of(List<Article> articles) {
        StringBuilder all = new StringBuilder();
        for (Article a : articles) {
            all.append(a.title()).append('\n').append(String.join("\n", a.questions())).append('\n')
                    .append(String.join("\n", a.tags())).append('\n').append(a.intro()).append('\n');
            a.sections().forEach(s -> all.append(s.heading()).append('\n').append(s.text()).append('\n'));
        }
        String corpus = all.toString().toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>();
        Matcher m = LATIN_WORD.matcher(corpus);
        while (m.find()) {
            words.add(m.group());
        }
        return new Coverage(Set.copyOf(words), corpus);
    }

    /** The thing a "where is X" question looks for, when the help center names it. */
    Optional<String> focus(String question, QuestionCues cues) {
        return lookedFor(question.toLowerCase(Locale.ROOT), cues).filter(t -> t.length() >= 2 && corpus.contains(t));
    }

    /** "X在哪(里)", "X的入口": the X, without the words before it ("请问", "你们的"). */
    private static Optional<String> lookedFor(String q, QuestionCues cues) {
        for (Pattern p : cues.where()) {
            Matcher where = p.matcher(q);
            if (where.find()) {
                return Optional.of(cues.whereFiller().matcher(where.group("thing")).replaceFirst(""));
            }
        }
        return Optional.empty();
    }

    /**
     * "购买的卡密", "领取权益的按钮": each part around 的 is made of words the articles use. 的 is grammar (it joins
     * a thing to what it belongs to), not vocabulary, so it stays here.
     */
    private boolean describesThing(String thing) {
        return java.util.Arrays.stream(thing.split("的")).filter(part -> !part.isEmpty())
                .allMatch(part -> part.length() >= 2 && describes(part));
    }

    /**
     * Whether the articles name {@code name} (Chinese): it is made of words the articles use ("新人优惠" of 新人 and
     * 优惠), not only found verbatim. A product the help center never names ("王者荣耀", "netflix") is not.
     */
    boolean describes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (LATIN_WORD.matcher(n).matches()) {
            return latinWords.contains(n); // a Latin name is one word the articles use, not pieced from letters
        }
        boolean[] covered = new boolean[n.length() + 1];
        covered[0] = true;
        for (int end = 2; end <= n.length(); end++) {
            for (int start = Math.max(0, end - 8); start <= end - 2 && !covered[end]; start++) {
                covered[end] = covered[start] && corpus.contains(n.substring(start, end));
            }
        }
        return covered[n.length()];
    }

    static boolean mentions(Article a, String thing) {
        if (a.title().toLowerCase(Locale.ROOT).contains(thing) || a.intro().toLowerCase(Locale.ROOT).contains(thing)) {
            return true;
        }
        return a.sections().stream().anyMatch(s -> (s.heading() + s.text()).toLowerCase(Locale.ROOT).contains(thing));
    }

    /** What the question names that the help center does not describe, if anything. */
    Optional<String> uncovered(String question, QuestionCues cues) {
        if (!HAN.matcher(question).find()) {
            return Optional.empty();
        }
        String q = question.toLowerCase(Locale.ROOT);
        Matcher latin = LATIN_WORD.matcher(q);
        while (latin.find()) {
            if (!latinWords.contains(latin.group())) {
                return Optional.of(latin.group());
            }
        }
        // A price asked for; the help center describes how to buy, not what things cost today. Money the buyer
        // spent ("这个月一共花了多少钱") is a question about their own orders, not a price.
        if (cues.price(q) && !cues.spent(q)) {
            return Optional.of("price");
        }
        // The thing looked for must be something the help center names.
        return lookedFor(q, cues).filter(t -> t.length() >= 2 && !describesThing(t));
    }
}
