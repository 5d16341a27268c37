import { Alert, Card, Empty, Flex, Segmented, Select, Skeleton, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { PARSE_SOURCE_KINDS, type ParseSourceKind } from '../../../contract/directive-parse.ts'
import { CORRECTABLE_FIELD_LABELS, PARSE_SOURCE_LABELS, type AccuracyPeriodDto, type CorrectableField } from '../../../contract/parser-accuracy.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useParserAccuracy } from './api.ts'

interface Row {
  field: CorrectableField
  /** Per period ('total' for the whole window): corrected and exact rate. */
  cells: Record<string, { corrected: number; exactRate: number | null; reviewed: number }>
}

const rateColor = (rate: number) => (rate >= 0.95 ? 'success' : rate >= 0.8 ? 'warning' : 'error')

/** /admin/parser-accuracy: per field and month (or week), 1 − corrections / letters confirmed. */
export default function ParserAccuracyPage() {
  const t = useT()
  const lang = useLang()
  const isPhone = useIsPhone()
  usePageTitle(t('directives.accuracy.title'))
  const [period, setPeriod] = useState<'month' | 'week'>('month')
  const [kind, setKind] = useState<ParseSourceKind | undefined>()
  const { data, error, isPending } = useParserAccuracy({ period, kind })

  const columnsOf = useMemo(() => (data ? [data.total, ...data.periods] : []), [data])
  const rows: Row[] = useMemo(() => {
    if (!data) return []
    return data.total.fields.map(({ field }) => ({
      field,
      cells: Object.fromEntries(
        columnsOf.map((p: AccuracyPeriodDto) => {
          const f = p.fields.find((x) => x.field === field)!
          return [p.period, { corrected: f.corrected, exactRate: f.exactRate, reviewed: p.reviewed }]
        }),
      ),
    }))
  }, [data, columnsOf])

  // "2026-12" and "2026-W49" as people say them.
  const periodLabel = (key: string) => {
    const week = /^(\d{4})-W(\d{2})$/.exec(key)
    if (week) return t('directives.accuracy.week', { week: Number(week[2]), year: week[1] })
    const [year, month] = key.split('-')
    return t('directives.accuracy.month', { month: Number(month), year })
  }

  const cell = (c: Row['cells'][string] | undefined) =>
    !c || c.exactRate === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Flex vertical gap={0}>
        <Tag color={rateColor(c.exactRate)} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {(c.exactRate * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 })}%
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('directives.accuracy.corrected', { corrected: c.corrected, reviewed: c.reviewed })}</Typography.Text>
      </Flex>
    )

  const columns: TableColumnsType<Row> = [
    {
      key: 'field', title: t('directives.accuracy.field'), fixed: 'left', width: isPhone ? 120 : 180,
      render: (_, r) => CORRECTABLE_FIELD_LABELS[r.field][lang],
    },
    ...columnsOf.map((p) => ({
      key: p.period,
      title: p.period === 'total' ? <strong>{t('directives.accuracy.total')}</strong> : periodLabel(p.period),
      width: 120,
      render: (_: unknown, r: Row) => cell(r.cells[p.period]),
    })),
  ]

  return (
    <Card title={t('directives.accuracy.title')} size="small">
      <Typography.Paragraph type="secondary">{t('directives.accuracy.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<'month' | 'week'>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'month', label: t('directives.accuracy.byMonth') },
            { value: 'week', label: t('directives.accuracy.byWeek') },
          ]}
        />
        <Select<ParseSourceKind | 'all'>
          value={kind ?? 'all'}
          onChange={(v) => setKind(v === 'all' ? undefined : v)}
          style={{ minWidth: 180 }}
          aria-label={t('directives.accuracy.allKinds')}
          options={[{ value: 'all', label: t('directives.accuracy.allKinds') }, ...PARSE_SOURCE_KINDS.map((k) => ({ value: k, label: PARSE_SOURCE_LABELS[k][lang] }))]}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <Flex gap={24} wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('directives.accuracy.reviewed')} value={data.total.reviewed} styles={{ content: { fontSize: 24 } }} data-testid="reviewed-total" />
            {data.byKind.map((k) => (
              <Statistic key={k.kind} title={PARSE_SOURCE_LABELS[k.kind][lang]} value={k.reviewed} styles={{ content: { fontSize: 24 } }} />
            ))}
          </Flex>
          {data.total.reviewed === 0 ? (
            <Empty description={t('directives.accuracy.empty')} />
          ) : (
            <Table<Row>
              rowKey="field"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="accuracy-table"
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            <Typography.Text code copyable={{ text: 'npm run parse:corrections -- --out ' }}>{t('directives.accuracy.exportHint')}</Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Card>
  )
}
