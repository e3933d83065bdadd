// nfqmon-test-eavesdrop SECONDS: everything a process of some user can receive on the system bus
// (DBUS_SYSTEM_BUS_ADDRESS) until its standard input closes (at most SECONDS), for the test that
// no packet data leaks to other users.
// It asks for all it could want: every signal, eavesdropping on every message, and a monitor
// connection (BecomeMonitor), then prints one line per message it gets, with the whole message
// as the bus delivered it, marshalled, in hex:
//   name UNIQUE-NAME uid UID
//   match RULE ok|error NAME MESSAGE
//   monitor ok|error NAME MESSAGE
//   message TYPE SENDER INTERFACE MEMBER HEX
// libdbus rather than QtDBus: it hands over every message a connection receives, as bytes.
#include <dbus/dbus.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <poll.h>
#include <string>
#include <unistd.h>

namespace {

const char *orDash(const char *text)
{
    return text && *text ? text : "-";
}

DBusHandlerResult printMessage(DBusConnection *, DBusMessage *message, void *)
{
    if (dbus_message_get_sender(message) &&
        std::string(dbus_message_get_sender(message)) == "org.freedesktop.DBus")
        return DBUS_HANDLER_RESULT_HANDLED; // the bus's own NameAcquired and the like
    char *bytes = nullptr;
    int length = 0;
    std::string hex;
    if (dbus_message_marshal(message, &bytes, &length)) {
        static const char digits[] = "0123456789abcdef";
        for (int i = 0; i < length; ++i) {
            hex += digits[static_cast<unsigned char>(bytes[i]) >> 4];
            hex += digits[static_cast<unsigned char>(bytes[i]) & 15];
        }
        dbus_free(bytes);
    }
    std::printf(
        "message %s %s %s %s %s\n", dbus_message_type_to_string(dbus_message_get_type(message)),
        orDash(dbus_message_get_sender(message)), orDash(dbus_message_get_interface(message)),
        orDash(dbus_message_get_member(message)), hex.c_str());
    std::fflush(stdout);
    return DBUS_HANDLER_RESULT_HANDLED;
}

void report(const char *what, const char *detail, DBusError &error)
{
    if (dbus_error_is_set(&error)) {
        std::printf("%s %s error %s %s\n", what, detail, error.name, error.message);
        dbus_error_free(&error);
    } else {
        std::printf("%s %s ok\n", what, detail);
    }
    std::fflush(stdout);
}

DBusConnection *openBus()
{
    DBusError error;
    dbus_error_init(&error);
    DBusConnection *connection = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (!connection) {
        std::fprintf(stderr, "no system bus: %s\n", error.message);
        std::exit(1);
    }
    dbus_connection_set_exit_on_disconnect(connection, false);
    dbus_connection_add_filter(connection, printMessage, nullptr, nullptr);
    return connection;
}

// BecomeMonitor on a connection of its own: a monitor can do nothing else afterwards.
DBusConnection *becomeMonitor()
{
    DBusConnection *connection = openBus();
    DBusMessage *call =
        dbus_message_new_method_call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus.Monitoring", "BecomeMonitor");
    DBusMessageIter args;
    DBusMessageIter rules;
    dbus_message_iter_init_append(call, &args);
    dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "s", &rules);
    dbus_message_iter_close_container(&args, &rules);
    const dbus_uint32_t flags = 0;
    dbus_message_iter_append_basic(&args, DBUS_TYPE_UINT32, &flags);
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(connection, call, 5000, &error);
    dbus_message_unref(call);
    const bool ok = reply != nullptr;
    if (reply)
        dbus_message_unref(reply);
    report("monitor", "BecomeMonitor", error);
    if (ok)
        return connection;
    dbus_connection_close(connection);
    dbus_connection_unref(connection);
    return nullptr;
}

bool inputClosed()
{
    pollfd input{STDIN_FILENO, POLLIN, 0};
    char byte;
    return ::poll(&input, 1, 0) == 1 && ::read(STDIN_FILENO, &byte, 1) == 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: nfqmon-test-eavesdrop SECONDS\n");
        return 2;
    }
    const int seconds = std::atoi(argv[1]);
    DBusConnection *connection = openBus();
    std::printf("name %s uid %u\n", dbus_bus_get_unique_name(connection), unsigned(getuid()));
    for (const char *rule :
         {"type='signal'", "type='signal',sender='org.nfqmon.Helper'", "eavesdrop='true'",
          "eavesdrop='true',type='method_call'", "eavesdrop='true',type='method_return'",
          "eavesdrop='true',type='error'"}) {
        DBusError error;
        dbus_error_init(&error);
        dbus_bus_add_match(connection, rule, &error);
        report("match", rule, error);
    }
    DBusConnection *monitor = becomeMonitor();

    std::printf("listening\n");
    std::fflush(stdout);
    const std::time_t end = std::time(nullptr) + seconds;
    while (std::time(nullptr) < end && !inputClosed()) {
        if (!dbus_connection_read_write_dispatch(connection, 100))
            break;
        if (monitor)
            dbus_connection_read_write_dispatch(monitor, 0);
    }
    // What is still queued (the last signals before the test closed our input).
    while (dbus_connection_read_write_dispatch(connection, 200) &&
           dbus_connection_get_dispatch_status(connection) == DBUS_DISPATCH_DATA_REMAINS) {
    }
    std::printf("done\n");
    return 0;
}
