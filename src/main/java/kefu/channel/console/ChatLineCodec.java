package kefu.channel.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kefu.conversation.Button;
import kefu.conversation.Reply;
import kefu.conversation.Source;
import kefu.conversation.TurnResult;
import kefu.handoff.InMemoryStaffDesk;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The {@code chat --json} wire format: parses input lines and writes result and error lines. */
public final class ChatLineCodec {

    private static final Set<String> FIELDS = Set.of("user", "text", "button", "photo", "caption", "id", "staff",
            "command");

    private final ObjectMapper json;

    public ChatLineCodec(ObjectMapper json) {
        this.json = json;
    }

    /** Thrown for a line that is not a valid input; {@code code} goes into the error line. */
    public static final class BadLine extends Exception {
        private final String code;
        private final String user;

        BadLine(String code, String message, String user) {
            super(message);
            this.code = code;
            this.user = user;
        }

        public String code() {
            return code;
        }

        public String user() {
            return user;
        }
    }

    public ChatInput parse(String line) throws BadLine {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine("invalid_json", "the line is not valid JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("invalid_json", "each line must be one JSON object", null);
        }
        String user = string(node, "user");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadLine("unknown_field", "unknown field '" + name + "'; known: " + FIELDS, user);
            }
            if (!node.get(name).isTextual()) {
                throw new BadLine("invalid_field", "field '" + name + "' must be a string", user);
            }
        }
        if (user == null || user.isBlank()) {
            throw new BadLine("missing_user", "'user' is required", null);
        }
        if (user.length() > 64) {
            throw new BadLine("invalid_field", "'user' must be at most 64 characters", null);
        }
        ChatInput input = new ChatInput(user, string(node, "text"), string(node, "button"), string(node, "photo"),
                string(node, "caption"), string(node, "id"), string(node, "staff"), string(node, "command"));
        boolean hasText = input.text() != null && !input.text().isBlank();
        if (!hasText && input.button() == null && input.photo() == null && input.command() == null) {
            throw new BadLine("empty", "give 'text', 'button', 'photo' or (for staff) 'command'", user);
        }
        return input;
    }

    public String result(String user, TurnResult r) {
        return resultNode(user, r).toString();
    }

    /** A staff line's result: the buyer-facing fields plus {@code staff}, what was posted to staff. */
    public String staffResult(String user, TurnResult r, List<InMemoryStaffDesk.Post> staffPosts) {
        ObjectNode out = resultNode(user, r);
        ArrayNode staff = out.putArray("staff");
        for (InMemoryStaffDesk.Post post : staffPosts) {
            ObjectNode pn = staff.addObject();
            pn.put("text", post.text());
            if (post.file() != null) {
                pn.put("file", post.file().fileName());
            }
            buttons(pn.putArray("buttons"), post.buttons());
        }
        return out.toString();
    }

    /** Messages that reached the user outside their turn ({@code chat --json --follow}). */
    public String pushed(String user, List<Reply> replies) {
        ObjectNode out = json.createObjectNode();
        out.put("user", user);
        out.put("pushed", true);
        replies(out.putArray("replies"), replies);
        return out.toString();
    }

    private ObjectNode resultNode(String user, TurnResult r) {
        ObjectNode out = json.createObjectNode();
        out.put("user", user);
        out.put("intent", r.intent() == null ? null : r.intent().wireName());
        out.put("confidence", Math.round(r.confidence() * 1000) / 1000.0);
        replies(out.putArray("replies"), r.replies());
        ArrayNode sources = out.putArray("sources");
        for (Source s : r.sources()) {
            sources.addObject().put("id", s.id()).put("title", s.title());
        }
        out.put("handoff", r.handoff());
        out.put("flow", r.flow());
        if (r.duplicate()) {
            out.put("duplicate", true);
        }
        return out;
    }

    private static void replies(ArrayNode into, List<Reply> replies) {
        for (Reply reply : replies) {
            ObjectNode rn = into.addObject();
            rn.put("text", reply.text());
            buttons(rn.putArray("buttons"), reply.buttons());
        }
    }

    private static void buttons(ArrayNode into, List<Button> buttons) {
        for (Button b : buttons) {
            into.addObject().put("label", b.label()).put("data", b.data());
        }
    }

    public String error(String user, String code, String message) {
        ObjectNode out = json.createObjectNode();
        out.put("user", user);
        out.put("error", code);
        out.put("message", message);
        return out.toString();
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }
}
