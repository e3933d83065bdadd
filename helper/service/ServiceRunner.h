// `nfqmon-helper --service`: the D-Bus system service, until SIGTERM or the idle timeout.
#pragma once

#include "helper/service/HelperService.h"

#include <QObject>

#include <memory>

namespace nfqmon {

class ServiceRunner : public QObject
{
    Q_OBJECT
public:
    explicit ServiceRunner(HelperService::Settings settings, QObject *parent = nullptr);
    ~ServiceRunner() override;

    // 0 once serving (exit code later via finished()), otherwise the exit code to use now.
    int start();

signals:
    void finished(int exitCode);

private:
    HelperService::Settings m_settings;
    std::unique_ptr<HelperService> m_service;
};

} // namespace nfqmon
