package kefu.knowledge;

import kefu.app.BotFiles;
import kefu.nlu.CuePatterns;
import kefu.nlu.DialogueFile;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the help-center question sections of {@code bot/dialogue.yml}; each is required. */
public final class QuestionCuesLoader {

    public QuestionCues load(BotFiles files) {
        Map<String, Object> s = DialogueFile.sections(files);
        return new QuestionCues(cues(s, "injection"), withGroups(s, "where", "thing"),
                QuestionCues.leading(words(s, "where-filler")), cues(s, "price"), cues(s, "spent"),
                withGroups(s, "elapsed", "number", "unit"), cues(s, "waited"),
                withGroups(s, "threshold", "number", "unit"), words(s, "hour-units"), words(s, "day-units"));
    }

    private static List<Pattern> patterns(Map<String, Object> sections, String name) {
        return DialogueFile.patterns(name, DialogueFile.required(sections, name));
    }

    /** A list only ever looked for in a question: matched as cheaply as its patterns allow. */
    private static CuePatterns cues(Map<String, Object> sections, String name) {
        return CuePatterns.of(patterns(sections, name));
    }

    private static List<String> words(Map<String, Object> sections, String name) {
        return DialogueFile.words(name, DialogueFile.required(sections, name));
    }

    /** The code reads these groups of each pattern; one without them is named at start-up. */
    private static List<Pattern> withGroups(Map<String, Object> sections, String name, String... groups) {
        List<Pattern> patterns = patterns(sections, name);
        for (Pattern p : patterns) {
            for (String g : groups) {
                if (!p.pattern().contains("(?<" + g + ">")) {
                    throw new IllegalStateException("bot/dialogue.yml: " + name + ": '" + p.pattern()
                            + "' has no group (?<" + g + ">...)");
                }
            }
        }
        return patterns;
    }
}
