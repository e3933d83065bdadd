// The headless config file: the syntax of Haka's nfqueue module plus nfqmon's own keys.
//
//   interfaces = "eth1, eth2"        # or "any"
//   dump = true                      # true|false|yes|no
//   dump_input = "/tmp/input.pcap"
//   dump_output = "/tmp/output.pcap"
//   enable_iptables = yes
//   attribution = yes                # learn the process behind each local packet
//   queue = 0                        # first queue number
//   queues = 1                       # number of queues (threads)
//   snaplen = 65535
//   queue_maxlen = 4096
//   status_interval = 5              # seconds between status lines, 0 = none
//   log = "/var/log/nfqmon.jsonl"    # a JSON line per packet; "-": standard output
//   metrics_file = "/var/lib/prometheus/node-exporter/nfqmon.prom"   # for node_exporter
//   rule = "drop udp and dst port 53"
//   rule = "drop in on eth1 host 10.0.0.5"   # action [in|out] [on IFACE] expression
//   rule = "drop out hostname *.example.org ip or ip6"   # [program P] [user U] [unit G] too
//
// '#' and ';' start comments; "[section]" headers are accepted and ignored (Haka's files have
// them); `module = "packet/nfqueue"` is accepted. Errors: "FILE:LINE: problem".
#pragma once

#include "helper/config/CaptureOptions.h"

#include <QString>

#include <optional>

namespace nfqmon::ConfigParser {

std::optional<CaptureOptions> parse(const QString &text, const QString &fileName, QString *error);
std::optional<CaptureOptions> parseFile(const QString &path, QString *error);

// Parses a rule line's value ("drop in on eth1 host 10.0.0.5") without compiling it.
std::optional<Rule> parseRule(const QString &text, QString *error);

} // namespace nfqmon::ConfigParser
