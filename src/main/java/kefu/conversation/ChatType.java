package kefu.conversation;

/** Where a turn was said: order details and codes are only ever shown in a private chat. */
public enum ChatType {
    PRIVATE, GROUP
}
