// Base of the service tests: one ServiceTestBed (one peer) for the whole test program, reset
// between test functions. QtTest runs these slots for every derived test class.
#pragma once

#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"

#include <QJsonDocument>
#include <QObject>
#include <QtTest>

namespace nfqmon::test {

class ServiceTest : public QObject
{
    Q_OBJECT

private slots: // private: QtTest runs only private slots
    void initTestCase();
    void init();
    void cleanupTestCase();

protected:
    ServiceTestBed m_bed;
};

} // namespace nfqmon::test
