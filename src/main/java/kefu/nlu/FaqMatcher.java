package kefu.nlu;

/** How well a question matches the help center, on the same 0..1 scale as intent example similarity. */
public interface FaqMatcher {

    double match(TextQuery query);
}
