<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="159"/>
        <source>AfterSales Desk</source>
        <translation>售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="160"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="161"/>
        <source>Language and other choices for this computer (Ctrl+,)</source>
        <translation>本机的语言等设置（Ctrl+,）</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="102"/>
        <source>Select an order to see its items, parcels and after-sales.</source>
        <translation>选择一个订单，查看商品、包裹和售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="112"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="113"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="115"/>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="116"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="123"/>
        <source>Created {time}</source>
        <translation>下单于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="129"/>
        <source>platform promise</source>
        <translation>平台承诺时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="131"/>
        <source>default promise, rule set {rule_set}</source>
        <translation>默认承诺时效，规则 {rule_set}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="135"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="138"/>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="140"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="141"/>
        <source>goods {goods}, shipping {shipping}</source>
        <translation>商品 {goods}，运费 {shipping}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="145"/>
        <source>Amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="161"/>
        <source>After-sale: {status}</source>
        <translation>售后：{status}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="180"/>
        <source>Buyer:</source>
        <translation>买家留言：</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="186"/>
        <source>Seller:</source>
        <translation>商家备注：</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="188"/>
        <source>Notes</source>
        <translation>留言备注</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="192"/>
        <source>Not shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="195"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="204"/>
        <source>No after-sale requests.</source>
        <translation>没有售后申请。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="207"/>
        <source>Applied {time}: {reason}</source>
        <translation>{time} 申请：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="212"/>
        <source>Reply by {time}</source>
        <translation>请在 {time} 前处理</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../app/views/order_table_model.py" line="164"/>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="165"/>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="166"/>
        <source>Status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="167"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="168"/>
        <source>Ship by</source>
        <translation>发货剩余</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="169"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="170"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="177"/>
        <source>Status {code}</source>
        <translation>状态 {code}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="248"/>
        <source>Ship by {time}</source>
        <translation>发货截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="250"/>
        <source>No promise from the platform: default promise after payment</source>
        <translation>平台未给出承诺时间：按支付后的默认承诺时效计算</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="257"/>
        <source>The buyer left a note</source>
        <translation>买家有留言</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../app/views/orders_view.py" line="157"/>
        <source>Loading orders…</source>
        <translation>正在加载订单…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="199"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="288"/>
        <source>Search order number, item, receiver or buyer&apos;s note  (Ctrl+F)</source>
        <translation>搜索订单号、商品、收货人或买家留言（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="290"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="290"/>
        <source>To ship</source>
        <translation>待发货（全部）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="295"/>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="329"/>
        <source>The selected order is not in this list any more.</source>
        <translation>所选订单已不在当前列表中。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="356"/>
        <source>This order is no longer in the local copy.</source>
        <translation>本地数据中已没有这个订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="381"/>
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} / 共 {total} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="385"/>
        <source>1 order</source>
        <translation>共 1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="385"/>
        <source>{count} orders</source>
        <translation>共 {count} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="395"/>
        <location filename="../../app/views/orders_view.py" line="396"/>
        <source>No orders yet — the first sync is running.</source>
        <translation>还没有订单 —— 正在进行首次同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="398"/>
        <source>No orders yet — the shop can&apos;t be reached right now; sync will retry on its own.</source>
        <translation>还没有订单 —— 暂时连不上店铺，稍后会自动重试同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="401"/>
        <source>No orders yet — sync needs attention (see the status bar).</source>
        <translation>还没有订单 —— 同步需要处理（见底部状态栏）。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="405"/>
        <source>No orders yet. New orders appear here as soon as they are synced.</source>
        <translation>还没有订单。新订单同步后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="411"/>
        <source>No “{status}” orders match “{search}”.</source>
        <translation>没有符合“{search}”的“{status}”订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="415"/>
        <source>No orders match “{search}”.</source>
        <translation>没有符合“{search}”的订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="417"/>
        <source>No orders are “{status}” right now.</source>
        <translation>目前没有“{status}”的订单。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="54"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="55"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="56"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="57"/>
        <source>The new language applies at once and is remembered.</source>
        <translation>新的语言立即生效，并会记住。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="92"/>
        <source>Connecting to the shop…</source>
        <translation>正在连接店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="96"/>
        <source>Online · syncing…</source>
        <translation>在线 · 正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="97"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="100"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="101"/>
        <source>Online · last synced {age}</source>
        <translation>在线 · 上次同步 {age}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="106"/>
        <source>Offline — will retry on its own</source>
        <translation>离线 —— 将自动重试</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="110"/>
        <source>Offline — retrying now…</source>
        <translation>离线 —— 正在重试…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="111"/>
        <source>Offline — will retry in {seconds} s</source>
        <translation>离线 —— {seconds} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="112"/>
        <source>the shop connection needs a person</source>
        <translation>店铺连接需要人工处理</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="113"/>
        <source>Needs attention: {reason}</source>
        <translation>需要处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="121"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="122"/>
        <source>Fetch new orders and after-sales from the shop now</source>
        <translation>现在从店铺拉取新的订单和售后</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="137"/>
        <source>Last successful sync: {time}</source>
        <translation>上次成功同步：{time}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="144"/>
        <source>The platform said: {words}</source>
        <translation>平台返回：{words}</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../app/sync/codes.py" line="62"/>
        <source>Unpaid</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="63"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="64"/>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="65"/>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="66"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="67"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="68"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="96"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="97"/>
        <source>Refund only (shipped)</source>
        <translation>已发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="98"/>
        <source>Refund before shipment</source>
        <translation>未发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="99"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="100"/>
        <source>Resend</source>
        <translation>补寄</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="125"/>
        <source>Awaiting merchant</source>
        <translation>待商家处理</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="126"/>
        <source>Awaiting buyer&apos;s return</source>
        <translation>待买家退货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="127"/>
        <source>Returned, awaiting receipt</source>
        <translation>待商家收货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="128"/>
        <source>Refunded</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="129"/>
        <source>Exchange in progress</source>
        <translation>换货中</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="130"/>
        <source>Exchange done</source>
        <translation>换货成功</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="131"/>
        <source>Refused by merchant</source>
        <translation>商家已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="132"/>
        <source>Closed</source>
        <translation>售后关闭</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="133"/>
        <source>Refused after return</source>
        <translation>退货后拒绝</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <location filename="../../app/desktop.py" line="47"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="48"/>
        <source>Something went wrong inside AfterSales Desk. Your data is safe; the details are in the log file in the data folder.</source>
        <translation>售后工作台内部出现问题。您的数据是安全的；详细信息已写入数据文件夹中的日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="74"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="75"/>
        <source>The shop&apos;s database could not be opened:
{0}</source>
        <translation>无法打开店铺数据库：
{0}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/views/formatting.py" line="68"/>
        <source>{days}d {hours:02d}h</source>
        <translation>{days}天{hours:02d}小时</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="70"/>
        <source>{hours}h {minutes:02d}m</source>
        <translation>{hours}小时{minutes:02d}分</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="73"/>
        <source>{minutes}m</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="80"/>
        <source>overdue {duration}</source>
        <translation>已超时 {duration}</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="88"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="90"/>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="92"/>
        <source>{hours} h ago</source>
        <translation>{hours} 小时前</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/sync/client.py" line="45"/>
        <source>The platform could not be reached. Check the internet connection.</source>
        <translation>无法连接到平台，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="46"/>
        <source>The platform did not answer in time.</source>
        <translation>平台未及时响应。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="47"/>
        <source>The platform&apos;s server had a problem (HTTP error).</source>
        <translation>平台服务器出现问题（HTTP 错误）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="48"/>
        <source>The platform sent an answer that could not be read.</source>
        <translation>平台返回的数据无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="49"/>
        <source>The platform asked us to slow down (rate limit).</source>
        <translation>平台要求降低请求频率（触发限流）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="50"/>
        <source>The platform is having trouble right now.</source>
        <translation>平台暂时出现故障。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="51"/>
        <source>The platform rejected our signature: the app key or app secret is wrong.</source>
        <translation>平台拒绝了签名：App Key 或 App Secret 不正确。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="54"/>
        <source>The platform says this computer&apos;s clock is wrong. Set the date and time correctly.</source>
        <translation>平台提示本机时间不正确，请校准电脑的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="57"/>
        <source>The platform did not accept our access token, even after renewing it.</source>
        <translation>平台不接受访问令牌（已尝试刷新）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="58"/>
        <source>The shop has not authorised this app (or has revoked it). The shop owner must authorise it again.</source>
        <translation>店铺未授权本应用（或已取消授权），需要店主重新授权。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="61"/>
        <source>The platform refused the request.</source>
        <translation>平台拒绝了该请求。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="62"/>
        <source>The gateway address does not lead to the platform&apos;s API. Check the gateway URL.</source>
        <translation>网关地址无法访问平台接口，请检查网关 URL。</translation>
    </message>
    <message>
        <location filename="../../app/sync/worker.py" line="29"/>
        <source>Sync failed unexpectedly; it will try again. The log file has the details.</source>
        <translation>同步意外失败，稍后会自动重试。详细信息见日志文件。</translation>
    </message>
</context>
</TS>
