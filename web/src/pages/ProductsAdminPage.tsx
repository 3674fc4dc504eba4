// Products, tariffs and campaigns with their launch dates (admin): the first complaint within 90
// days of a launch raises an alert at once. Names are unique ignoring case.
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Product, type ProductInput, useProducts, useSaveProduct } from '../api/alert-queries.ts';
import type { Me } from '../api/types.ts';
import { asApiError } from '../components/complaint/context.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { managesProducts, PRODUCT_KINDS } from '../lib/alerts.ts';

interface FormValues {
  name: string;
  kind: ProductInput['kind'];
  launchedOn: dayjs.Dayjs | null;
  active: boolean;
}

function ProductDialog({
  product,
  open,
  onClose,
}: {
  product: Product | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const save = useSaveProduct();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue({
      name: product?.name ?? '',
      kind: product?.kind ?? 'product',
      launchedOn: product ? (product.launchedOn ? dayjs(product.launchedOn) : null) : dayjs(),
      active: product?.active ?? true,
    });
  }, [open, product, form, save.reset]);
  const submit = (v: FormValues) =>
    save.mutate(
      {
        id: product?.id ?? null,
        body: {
          name: v.name.trim(),
          kind: v.kind,
          launchedOn: v.launchedOn ? v.launchedOn.format('YYYY-MM-DD') : null,
          active: v.active,
        },
      },
      {
        onSuccess: (p) => {
          void message.success(t('products.saved', { name: p.name }));
          onClose();
        },
        onError: (err) => {
          if (asApiError(err).code === 'CONFLICT') {
            form.setFields([{ name: 'name', errors: [t('products.duplicate')] }]);
          }
        },
      },
    );
  const error = save.error ? asApiError(save.error) : null;
  return (
    <Modal
      open={open}
      title={product ? t('products.editTitle', { name: product.name }) : t('products.addTitle')}
      okText={t('products.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ id: 'product-save' }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('products.columns.name')}
          rules={[{ required: true, whitespace: true, message: t('products.nameRequired') }]}
        >
          <Input id="product-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('products.columns.kind')}>
          <Select
            id="product-kind"
            options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`products.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="launchedOn" label={t('products.columns.launchedOn')}>
          <DatePicker id="product-launched" allowClear style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('products.columns.state')} valuePropName="checked">
          <Switch checkedChildren={t('products.active')} unCheckedChildren={t('products.inactive')} />
        </Form.Item>
      </Form>
      {error && error.code !== 'CONFLICT' ? <RefusalAlert refusal={error} /> : null}
    </Modal>
  );
}

export default function ProductsAdminPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const products = useProducts();
  const [editing, setEditing] = useState<Product | null>(null);
  const [open, setOpen] = useState(false);
  if (!managesProducts(me.user.role)) return <Result status="403" title={t('products.title')} />;
  const show = (p: Product | null) => {
    setEditing(p);
    setOpen(true);
  };
  return (
    <div style={{ padding: 16, maxWidth: 1100, margin: '0 auto' }}>
      <Card
        title={t('products.title')}
        extra={
          <Button type="primary" id="product-add" onClick={() => show(null)}>
            {t('products.add')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('products.intro')}</Typography.Paragraph>
        <Table<Product>
          size="small"
          rowKey="id"
          loading={products.isPending}
          dataSource={products.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('products.empty') }}
          columns={[
            { title: t('products.columns.name'), dataIndex: 'name' },
            {
              title: t('products.columns.kind'),
              width: 100,
              render: (_: unknown, p) => <Tag>{t(`products.kind.${p.kind}`)}</Tag>,
            },
            {
              title: t('products.columns.launchedOn'),
              width: 120,
              render: (_: unknown, p) =>
                p.launchedOn ?? <span className="tousu-muted">{t('products.undated')}</span>,
            },
            {
              title: t('products.columns.state'),
              width: 90,
              render: (_: unknown, p) =>
                p.active ? (
                  <Tag color="green">{t('products.active')}</Tag>
                ) : (
                  <Tag>{t('products.inactive')}</Tag>
                ),
            },
            {
              title: t('products.columns.firstComplaint'),
              width: 170,
              render: (_: unknown, p) =>
                p.firstComplaint ? (
                  <Link to={`/complaints/${p.firstComplaint.id}`}>
                    {p.firstComplaint.number ?? p.firstComplaint.id}
                  </Link>
                ) : (
                  <span className="tousu-muted">{t('products.noFirstComplaint')}</span>
                ),
            },
            {
              title: t('products.columns.actions'),
              width: 90,
              render: (_: unknown, p) => (
                <Button size="small" onClick={() => show(p)} data-testid="product-edit">
                  {t('products.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ProductDialog product={editing} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
