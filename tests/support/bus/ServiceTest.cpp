#include "tests/support/bus/ServiceTest.h"

namespace nfqmon::test {

void ServiceTest::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void ServiceTest::init()
{
    QString error;
    QVERIFY2(m_bed.reset(&error), qPrintable(error));
}

void ServiceTest::cleanupTestCase()
{
    m_bed.stop();
}

} // namespace nfqmon::test
