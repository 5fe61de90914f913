package kefu.conversation;

import java.util.List;

/**
 * Reply keys the code builds at run time from a prefix and a closed set of members ({@code "shop.status." +
 * status}). Declaring them lets start-up check that every such text exists before a buyer needs it.
 */
public record ReplyKeyFamily(String prefix, List<String> members) {

    public ReplyKeyFamily {
        members = List.copyOf(members);
    }

    public static ReplyKeyFamily of(String prefix, String... members) {
        return new ReplyKeyFamily(prefix, List.of(members));
    }

    public List<String> keys() {
        return members.stream().map(m -> prefix + m).toList();
    }
}
